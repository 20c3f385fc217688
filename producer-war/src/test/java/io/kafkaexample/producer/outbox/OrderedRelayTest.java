package io.kafkaexample.producer.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The relay's order on Kafka's own MockProducer: what the broker is sent, in which order, and what counts as published. */
class OrderedRelayTest {

    /** A broker in memory: sends whose value is in {@link #expire} fail as expired, those in {@link #unreachable} fail at once. */
    private static final class Broker extends MockProducer<byte[], byte[]> {

        final Set<String> expire;
        final Set<String> unreachable;
        final List<String> sent = new ArrayList<>();

        Broker(Set<String> expire, Set<String> unreachable) {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.expire = expire;
            this.unreachable = unreachable;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            sent.add(value);
            if (unreachable.contains(value)) {
                return CompletableFuture.failedFuture(new TimeoutException("Topic t not present in metadata after 5000 ms"));
            }
            if (expire.contains(value)) {
                // it left, and fails later, as a batch the producer expires
                CompletableFuture<RecordMetadata> later = new CompletableFuture<>();
                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() ->
                        later.completeExceptionally(new TimeoutException("Expiring 1 record(s): 30000 ms has passed")));
                return later;
            }
            return super.send(record, callback);
        }
    }

    @Test
    void everyEntryGoesOutAndTheSecondOfAKeyOnlyAfterTheFirst() {
        Broker broker = new Broker(Set.of(), Set.of());
        var result = OrderedRelay.publish(broker, entries("a:1", "b:1", "a:2", "c:1", "a:3"));

        assertEquals(List.of("a:1", "b:1", "c:1", "a:2", "a:3"), broker.sent, "waves: the first of each key, then the second, ...");
        assertEquals(List.of("a:1", "b:1", "c:1", "a:2", "a:3"), result.published());
        assertTrue(result.failure().isEmpty());
    }

    @Test
    void aFailedEntryHoldsBackTheRestOfItsKeyAndNoOtherKey() {
        Broker broker = new Broker(Set.of("a:1"), Set.of());
        var result = OrderedRelay.publish(broker, entries("a:1", "b:1", "a:2", "b:2", "a:3"));

        assertEquals(List.of("a:1", "b:1", "b:2"), broker.sent, "a:2 and a:3 would overtake a:1: not sent");
        assertEquals(List.of("b:1", "b:2"), result.published(), "deleted from the outbox: only what the broker took");
        assertTrue(result.failure().orElseThrow().getMessage().startsWith("Expiring"));
    }

    @Test
    void aSendThatFailsBeforeItLeavesEndsTheBatchAtOnce() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("k" + i + ":1");
        }
        Broker broker = new Broker(Set.of(), Set.of("k2:1"));
        var result = OrderedRelay.publish(broker, entries(values.toArray(String[]::new)));

        assertEquals(List.of("k0:1", "k1:1", "k2:1"), broker.sent, "no other send to wait max.block for nothing");
        assertEquals(List.of("k0:1", "k1:1"), result.published());
        assertTrue(result.failure().orElseThrow().getMessage().contains("not present in metadata"));
    }

    /** Entries written {@code key:n}, the value being the whole text; the handle is the value too. */
    private static List<OrderedRelay.Entry<String>> entries(String... values) {
        return java.util.Arrays.stream(values).map(v -> new OrderedRelay.Entry<>(v, new ProducerRecord<>("t",
                v.substring(0, v.indexOf(':')).getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)))).toList();
    }
}
