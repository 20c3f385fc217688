package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A letter whose send was not recorded (its instance died, or the send was reported failed and landed) is looked for
 * on the queue before it is sent again: by the intake, and by a redelivery that gives up after failed sends.
 */
class EarlierLettersTest {

    private final Instances instances = new Instances();
    private final Instances.Instance a = instances.start("a");
    private final FakeDeadLetters queue = instances.deadLetters;

    @Test
    void aLetterReportedFailedThatLandedIsRecordedWhenItsBatchIsTakenInAgainAndNotSentTwice() throws Exception {
        sentWithItsOutcomeLost("m1");
        assertEquals(0, queue.reads, "a letter given up for the first time is sent without reading the queue");
        assertEquals("received", instances.state.stateOf("m1"));

        a.intake.accept(fatal("m1"));

        assertEquals(1, queue.of("m1"), "one letter");
        assertEquals(1, queue.reads);
        assertEquals("dead-lettered", instances.state.stateOf("m1"));
    }

    @Test
    void aLetterSentByAnInstanceKilledBeforeItRecordedItIsFoundByTheInstanceThatTakesTheRecordOver() throws Exception {
        // instance b counted the failure and sent the letter, then died before recording it or committing
        Failure failure = fatal("m2");
        Registration counted = instances.state.register(failure, Duration.ofHours(1));
        queue.publish(List.of(new DeadLetters.Letter("m2", failure.originTopic(), failure.key(), failure.record(), counted.attempts(),
                "not retryable: E")));

        a.intake.accept(failure);

        assertEquals(1, queue.of("m2"));
        assertEquals("dead-lettered", instances.state.stateOf("m2"));
    }

    @Test
    void whileTheQueueCannotBeReadBackALetterTakenInAgainIsNotSentBlind() throws Exception {
        sentWithItsOutcomeLost("m3");
        queue.unreadable = true;

        Exception held = assertThrows(Exception.class, () -> a.intake.accept(List.of(fatal("m3"), fatal("m4"))));
        assertTrue(held.getMessage().contains("could not be read back"), held.getMessage());
        assertEquals(1, queue.of("m3"), "not sent again while its fate is unknown");
        assertEquals(1, queue.of("m4"), "a letter given up for the first time goes out all the same");
        assertEquals("received", instances.state.stateOf("m3"));

        queue.unreadable = false;
        a.intake.accept(List.of(fatal("m3"), fatal("m4")));
        assertEquals(List.of(1L, 1L), List.of(queue.of("m3"), queue.of("m4")));
        assertEquals("dead-lettered", instances.state.stateOf("m3"));
    }

    @Test
    void aLetterTakenInAgainThatNeverLandedIsSentThen() throws Exception {
        queue.down = true;
        assertThrows(Exception.class, () -> a.intake.accept(fatal("m5")));
        queue.down = false;

        a.intake.accept(fatal("m5"));

        assertEquals(1, queue.of("m5"));
        assertEquals(1, queue.reads, "looked for first");
        assertEquals("dead-lettered", instances.state.stateOf("m5"));
    }

    @Test
    void aGiveUpAfterFailedSendsWhoseLetterLandedUnrecordedIsFoundByTheNextClaim() throws Exception {
        a.sender.unreachable.add(Instances.REPLY_TO);
        queue.outcomeLost = true;
        a.intake.accept(Instances.failure("m6", 1, "side-0@1"));
        for (int step = 0; step < 600 && queue.of("m6") == 0; step++) {
            instances.run(Duration.ofMillis(100), Duration.ofMillis(100));
        }
        assertEquals(1, queue.of("m6"), "given up: the letter landed, the send was reported failed");
        assertEquals("claimed", instances.state.stateOf("m6"), "not recorded: claimed again when its lease ends");

        queue.outcomeLost = false;
        instances.run(Duration.ofSeconds(30), Duration.ofMillis(100));

        assertEquals(1, queue.of("m6"), "found on the queue, not sent again");
        assertEquals("dead-lettered", instances.state.stateOf("m6"));
    }

    /** The intake gives the message up; the letter lands, the send is reported failed, so the batch fails. */
    private void sentWithItsOutcomeLost(String id) {
        queue.outcomeLost = true;
        assertThrows(Exception.class, () -> a.intake.accept(fatal(id)));
        queue.outcomeLost = false;
    }

    private static Failure fatal(String id) {
        return new Failure(id, "issued-token", "k", "g", Optional.of(Instances.REPLY_TO), 1, false, "E", "side-0@" + id,
                Optional.of("issued-token-0@" + id), "r");
    }
}
