package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.common.kafka.RetryHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class StoredRecordTest {

    @Test
    void aStoredRecordKeepsKeyValueAndEveryHeaderAndSetsTheAttempts() {
        var headers = new RecordHeaders();
        headers.add("binary", new byte[] {0, (byte) 0xff, 42});
        headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, "1");
        byte[] notUtf8 = {'v', (byte) 0xc3, (byte) 0x28, 0, (byte) 0xff};
        var stored = StoredRecord.parse(new StoredRecord(bytes("k"), notUtf8, headers).toJson());

        ProducerRecord<byte[], byte[]> out = stored.toTopic("consumer-svc-redelivery", "r1", 2);

        assertEquals("consumer-svc-redelivery", out.topic());
        assertArrayEquals(bytes("k"), out.key());
        assertArrayEquals(notUtf8, out.value(), "byte for byte, though not UTF-8");
        assertEquals(42, out.headers().lastHeader("binary").value()[2]);
        assertEquals((byte) 0xff, out.headers().lastHeader("binary").value()[1]);
        assertEquals(Optional.of("abc"), RetryHeaders.get(out.headers(), "trace"));
        assertEquals(2, RetryHeaders.attempts(out.headers()));
        assertEquals(Optional.of("r1"), RetryHeaders.get(out.headers(), RetryHeaders.RETRY_ID));
        assertEquals(1, java.util.stream.StreamSupport.stream(out.headers().headers(RetryHeaders.ATTEMPTS).spliterator(), false).count());
    }

    @Test
    void aStoredRecordMayHaveNoKey() {
        var stored = StoredRecord.parse(new StoredRecord(null, bytes("v"), new RecordHeaders()).toJson());
        assertEquals(null, stored.key());
        assertArrayEquals(bytes("v"), stored.value());
    }

    @Test
    void anEntryStoredBeforeValuesWereBytesIsStillRead() {
        var stored = StoredRecord.parse("{\"headers\":[],\"key\":\"k\",\"value\":\"välue\"}");
        assertArrayEquals(bytes("k"), stored.key());
        assertArrayEquals(bytes("välue"), stored.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
