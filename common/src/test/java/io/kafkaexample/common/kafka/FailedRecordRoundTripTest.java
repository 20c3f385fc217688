package io.kafkaexample.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Each direction of the envelope, written and read back as the next hop would see it. */
class FailedRecordRoundTripTest {

    private static final Instant FIRST = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-24T11:00:00Z");

    @Test
    void aSideRecordReadsBackAsItWasWritten() {
        FailedRecord read = FailedRecord.read(toSide().headers());

        assertEquals(Optional.of("issued-token"), read.originTopic());
        assertEquals(Optional.of("3"), read.originPartition());
        assertEquals(Optional.of("42"), read.originOffset());
        assertEquals(Optional.of("consumer-svc"), read.group());
        assertEquals(Optional.of("consumer-svc-redelivery"), read.replyTo());
        assertEquals(1, read.attempts());
        assertEquals(Optional.of(FIRST.toString()), read.firstFailureAt());
        assertEquals(Optional.of("java.lang.IllegalStateException"), read.errorClass());
        assertEquals(Optional.of("redis down"), read.errorMessage());
        assertFalse(read.retryable());
        assertEquals(Optional.empty(), read.deadLetterReason());
    }

    @Test
    void aRecordWithoutTheEnvelopeReadsAsEmptyAndRetryable() {
        FailedRecord read = FailedRecord.read(new RecordHeaders());

        assertEquals(Optional.empty(), read.originTopic());
        assertEquals(Optional.empty(), read.replyTo());
        assertEquals(0, read.attempts());
        assertTrue(read.retryable());
    }

    @Test
    void aDeadLetterReadsBackWithItsCountReasonAndTime() {
        var side = toSide();
        var letter = FailedRecord.deadLetter(side.key(), side.value(), side.headers(), "r1", 5, "x".repeat(2000), LATER);

        assertEquals(Topics.DEAD_LETTER_QUEUE, letter.topic());
        assertEquals("user-1", letter.key());
        assertEquals("{value}", letter.value());
        FailedRecord read = FailedRecord.read(letter.headers());
        assertEquals(5, read.attempts());
        assertEquals(RetryHeaders.MAX_ERROR_MESSAGE_BYTES, read.deadLetterReason().orElseThrow().length());
        assertEquals(Optional.of(LATER.toString()), read.deadLetteredAt());
        assertEquals(Optional.of("issued-token"), read.originTopic());
        assertEquals(Optional.of(FIRST.toString()), read.firstFailureAt());
        assertEquals("t1", RetryHeaders.get(letter.headers(), "trace").orElseThrow());
        assertEquals(1, count(letter, RetryHeaders.ATTEMPTS));
        assertEquals(Optional.of("r1"), RetryHeaders.get(letter.headers(), RetryHeaders.RETRY_ID));
        // the side record it came from is left as it was
        assertEquals(1, FailedRecord.read(side.headers()).attempts());
    }

    @Test
    void aReplayStripsExactlyTheFailureHeadersAndKeepsTheOthers() {
        var side = toSide();
        RetryHeaders.set(side.headers(), RetryHeaders.RETRY_ID, "r1");
        var letter = FailedRecord.deadLetter(side.key(), side.value(), side.headers(), "r1", 5, "gave up", LATER);
        assertEquals(1, count(letter, RetryHeaders.RETRY_ID), "the redelivery's retry-id is replaced, not repeated");
        var stored = new ConsumerRecord<>(Topics.DEAD_LETTER_QUEUE, 0, 7L, letter.key(), letter.value());
        letter.headers().forEach(stored.headers()::add);

        ProducerRecord<String, String> replay = FailedRecord.replay(stored, "0-7", "consumer-svc-redelivery");

        assertEquals("consumer-svc-redelivery", replay.topic());
        assertEquals("user-1", replay.key());
        assertEquals("{value}", replay.value());
        Set<String> names = Arrays.stream(replay.headers().toArray()).map(Header::key).collect(Collectors.toSet());
        assertEquals(Set.of("trace", RetryHeaders.ORIGIN_TOPIC, RetryHeaders.ORIGIN_PARTITION, RetryHeaders.ORIGIN_OFFSET,
                RetryHeaders.GROUP, RetryHeaders.REPLY_TO, RetryHeaders.DLQ_REPLAY_OF), names);
        assertEquals(Optional.of("0-7"), RetryHeaders.get(replay.headers(), RetryHeaders.DLQ_REPLAY_OF));
        Set<String> before = Arrays.stream(stored.headers().toArray()).map(Header::key).collect(Collectors.toSet());
        before.removeAll(names);
        assertEquals(Set.copyOf(FailedRecord.FAILURE_HEADERS), before);
        assertEquals(0, FailedRecord.read(replay.headers()).attempts());
    }

    @Test
    void aRedeliveryCarriesEveryHeaderAndOneCount() {
        var headers = new RecordHeaders();
        headers.add("binary", new byte[] {0, (byte) 0xff});
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "1");

        var out = FailedRecord.redelivery("consumer-svc-redelivery", "k", "v", headers, "r1", 2);

        assertEquals(2, FailedRecord.read(out.headers()).attempts());
        assertEquals(Optional.of("r1"), RetryHeaders.get(out.headers(), RetryHeaders.RETRY_ID));
        assertEquals(1, count(out, RetryHeaders.ATTEMPTS));
        assertEquals((byte) 0xff, out.headers().lastHeader("binary").value()[1]);
        assertEquals(1, FailedRecord.read(headers).attempts());
    }

    private static ProducerRecord<String, String> toSide() {
        var failed = new ConsumerRecord<>("issued-token", 3, 42L, "user-1", "{value}");
        failed.headers().add("trace", "t1".getBytes(StandardCharsets.UTF_8));
        return FailedRecord.of(failed, new IllegalStateException("redis down"), false, "consumer-svc",
                "consumer-svc-redelivery", FIRST);
    }

    private static long count(ProducerRecord<String, String> record, String name) {
        return Arrays.stream(record.headers().toArray()).filter(h -> h.key().equals(name)).count();
    }
}
