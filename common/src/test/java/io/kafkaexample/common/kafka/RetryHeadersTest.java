package io.kafkaexample.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RetryHeadersTest {

    @Test
    void setReplacesEarlierValuesInsteadOfAppending() {
        var headers = new RecordHeaders();
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "1");
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "2");
        assertEquals(1, headers.toArray().length);
        assertEquals("2", RetryHeaders.get(headers, RetryHeaders.ATTEMPTS).orElseThrow());
    }

    @Test
    void attemptsAreZeroWhenAbsentGarbageOrNegative() {
        var headers = new RecordHeaders();
        assertEquals(0, RetryHeaders.attempts(headers));
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "three");
        assertEquals(0, RetryHeaders.attempts(headers));
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "-4");
        assertEquals(0, RetryHeaders.attempts(headers));
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, " 3 ");
        assertEquals(3, RetryHeaders.attempts(headers));
    }

    @Test
    void truncateKeepsAtMostOneKilobyteAndNeverSplitsACharacter() {
        assertEquals("short", RetryHeaders.truncate("short"));
        assertEquals("", RetryHeaders.truncate(null));
        String accents = RetryHeaders.truncate("é".repeat(600));
        assertEquals(1024, accents.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(512, accents.length());
        String emoji = RetryHeaders.truncate("😀".repeat(300));
        assertTrue(emoji.getBytes(StandardCharsets.UTF_8).length <= 1024);
        assertEquals(256, emoji.codePointCount(0, emoji.length()));
    }
}
