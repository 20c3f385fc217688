package io.kafkaexample.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class FailedRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aFirstFailureKeepsKeyValueAndHeadersAndAddsTheRetryHeaders() {
        var failed = new ConsumerRecord<>("issued-token", 3, 42L, "user-1", "{value}");
        failed.headers().add("trace", "t1".getBytes());
        ProducerRecord<String, String> out = FailedRecord.of(failed, new IllegalStateException("redis down"), true,
                "consumer-svc", "consumer-svc-redelivery", NOW);
        assertEquals("side-topic-for-retry", out.topic());
        assertEquals("user-1", out.key());
        assertEquals("{value}", out.value());
        assertEquals("t1", RetryHeaders.get(out.headers(), "trace").orElseThrow());
        assertEquals("issued-token", header(out, RetryHeaders.ORIGIN_TOPIC));
        assertEquals("3", header(out, RetryHeaders.ORIGIN_PARTITION));
        assertEquals("42", header(out, RetryHeaders.ORIGIN_OFFSET));
        assertEquals("issued-token-3@42", header(out, RetryHeaders.FAILED_POSITION));
        assertEquals("consumer-svc", header(out, RetryHeaders.GROUP));
        assertEquals("consumer-svc-redelivery", header(out, RetryHeaders.REPLY_TO));
        assertEquals("1", header(out, RetryHeaders.ATTEMPTS));
        assertEquals(NOW.toString(), header(out, RetryHeaders.FIRST_FAILURE_AT));
        assertEquals("java.lang.IllegalStateException", header(out, RetryHeaders.ERROR_CLASS));
        assertEquals("redis down", header(out, RetryHeaders.ERROR_MESSAGE));
        assertEquals("true", header(out, RetryHeaders.RETRYABLE));
    }

    @Test
    void aRedeliveredRecordKeepsItsOriginAndFirstFailureAndCountsOneMore() {
        var first = FailedRecord.of(new ConsumerRecord<>("issued-token", 3, 42L, "user-1", "{value}"),
                new IllegalStateException("a"), true, "consumer-svc", "consumer-svc-redelivery", NOW);
        var redelivered = new ConsumerRecord<>("consumer-svc-redelivery", 0, 7L, "user-1", "{value}");
        first.headers().forEach(h -> redelivered.headers().add(h));
        var second = FailedRecord.of(redelivered, new IllegalArgumentException("b"), false, "consumer-svc",
                "consumer-svc-redelivery", NOW.plusSeconds(60));
        assertEquals("issued-token", header(second, RetryHeaders.ORIGIN_TOPIC));
        assertEquals("42", header(second, RetryHeaders.ORIGIN_OFFSET));
        assertEquals("consumer-svc-redelivery-0@7", header(second, RetryHeaders.FAILED_POSITION), "the copy it failed on, not the origin");
        assertEquals(NOW.toString(), header(second, RetryHeaders.FIRST_FAILURE_AT));
        assertEquals("2", header(second, RetryHeaders.ATTEMPTS));
        assertEquals("false", header(second, RetryHeaders.RETRYABLE));
        assertEquals("b", header(second, RetryHeaders.ERROR_MESSAGE));
        for (String replaced : new String[] {RetryHeaders.ATTEMPTS, RetryHeaders.FAILED_POSITION}) {
            assertEquals(1, java.util.Arrays.stream(second.headers().toArray()).filter(h -> h.key().equals(replaced)).count(),
                    replaced + " is replaced, never appended");
        }
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return RetryHeaders.get(record.headers(), name).orElseThrow(() -> new AssertionError("no header " + name));
    }
}
