package io.kafkaexample.retry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** The original's production policy: 60 s, x5, 4 retries. */
    private final RetryPolicy production = new RetryPolicy(4, Duration.ofSeconds(60), 5, Duration.ofHours(3), 0);

    @Test
    void delaysGrowExponentiallyFromTheFirstFailure() {
        assertEquals(Duration.ofSeconds(60), production.delayBefore(1, () -> 0.5));
        assertEquals(Duration.ofSeconds(300), production.delayBefore(2, () -> 0.5));
        assertEquals(Duration.ofSeconds(1500), production.delayBefore(3, () -> 0.5));
        assertEquals(Duration.ofSeconds(7500), production.delayBefore(4, () -> 0.5));
    }

    @Test
    void delaysAreCappedAtMax() {
        var capped = new RetryPolicy(10, Duration.ofSeconds(1), 10, Duration.ofSeconds(30), 0);
        assertEquals(Duration.ofSeconds(10), capped.delayBefore(2, () -> 0));
        assertEquals(Duration.ofSeconds(30), capped.delayBefore(3, () -> 0));
        assertEquals(Duration.ofSeconds(30), capped.delayBefore(10, () -> 0));
        // no overflow far beyond the cap
        assertEquals(Duration.ofSeconds(30), capped.delayBefore(100, () -> 0));
    }

    @Test
    void jitterStaysWithinItsBoundsAndNeverLengthensADelay() {
        var jittered = new RetryPolicy(4, Duration.ofSeconds(10), 2, Duration.ofMinutes(5), 0.25);
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Duration delay = jittered.delayBefore(2, random::nextDouble);
            assertTrue(delay.compareTo(Duration.ofMillis(15_000)) >= 0 && delay.compareTo(Duration.ofSeconds(20)) <= 0,
                    "delay " + delay + " outside [15 s, 20 s]");
        }
        assertEquals(Duration.ofSeconds(20), jittered.delayBefore(2, () -> 0));
        assertEquals(Duration.ofMillis(15_000), jittered.delayBefore(2, () -> 1));
    }

    @Test
    void aNonRetryableFailureIsDeadLetteredAtOnce() {
        Decision decision = production.decide(1, false, () -> 0);
        assertEquals(new Decision.DeadLetter("not retryable"), decision);
    }

    @Test
    void retriesUntilMaxRetriesRedeliveriesThenDeadLetters() {
        for (int attempts = 1; attempts <= 4; attempts++) {
            Decision decision = production.decide(attempts, true, () -> 0);
            Decision.Retry retry = assertInstanceOf(Decision.Retry.class, decision, "after failure " + attempts);
            assertEquals(attempts, retry.attempt());
            assertEquals(production.delayBefore(attempts, () -> 0), retry.delay());
        }
        Decision fifth = production.decide(5, true, () -> 0);
        assertInstanceOf(Decision.DeadLetter.class, fifth);
        assertTrue(((Decision.DeadLetter) fifth).reason().contains("retry.max-retries=4"), fifth.toString());
        assertInstanceOf(Decision.DeadLetter.class, production.decide(500, true, () -> 0));
    }

    @Test
    void zeroRetriesDeadLettersTheFirstFailure() {
        var none = new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0);
        assertInstanceOf(Decision.DeadLetter.class, none.decide(1, true, () -> 0));
        assertEquals(Duration.ZERO, none.window());
    }

    @Test
    void theWindowIsTheSumOfEveryDelay() {
        assertEquals(Duration.ofSeconds(60 + 300 + 1500 + 7500), production.window());
    }

    @Test
    void invalidSettingsAreRefusedNamingTheirKey() {
        assertKey(RetryPolicy.MAX_RETRIES, () -> new RetryPolicy(-1, Duration.ofSeconds(1), 2, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.MAX_RETRIES, () -> new RetryPolicy(101, Duration.ofSeconds(1), 2, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.INITIAL, () -> new RetryPolicy(3, Duration.ZERO, 2, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.INITIAL, () -> new RetryPolicy(3, Duration.ofSeconds(-1), 2, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.MULTIPLIER, () -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.MULTIPLIER, () -> new RetryPolicy(3, Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.MAX, () -> new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofSeconds(9), 0));
        assertKey(RetryPolicy.JITTER, () -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(9), 1.5));
        assertKey(RetryPolicy.JITTER, () -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(9), -0.1));
    }

    private static void assertKey(String key, Runnable construction) {
        var error = assertThrows(InvalidRetryConfigException.class, construction::run);
        assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
    }
}
