package io.kafkaexample.producer.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The relay's transactions on Kafka's own MockProducer: what a reader with read_committed gets to see. */
class TransactionalRelayTest {

    private final List<Broker> made = new ArrayList<>();
    private final TransactionalRelay relay = new TransactionalRelay(() -> {
        Broker producer = new Broker();
        made.add(producer);
        return producer;
    });

    /** A MockProducer whose send number {@link #failAt} fails before it leaves, as a send without metadata does. */
    private static final class Broker extends MockProducer<byte[], byte[]> {

        int failAt = -1;
        int sends;

        Broker() {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (sends++ == failAt) {
                return CompletableFuture.failedFuture(new TimeoutException("Topic new-user-created not present in metadata after 5000 ms"));
            }
            return super.send(record, callback);
        }
    }

    @Test
    void aBatchIsCommittedWholeInItsOrder() throws Exception {
        relay.publish(records(5));

        Broker broker = made.get(0);
        assertTrue(broker.transactionCommitted());
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4"), keys(broker.history()));
    }

    @Test
    void aSendThatFailsAtOnceStopsTheBatchAndNothingOfItIsCommitted() throws Exception {
        relay.publish(records(0)); // a producer exists
        made.get(0).failAt = made.get(0).sends + 2;

        var failure = assertThrows(TimeoutException.class, () -> relay.publish(records(500)));

        Broker broker = made.get(0);
        assertTrue(failure.getMessage().contains("not present in metadata"));
        assertEquals(3, broker.sends, "no send after the one that failed: the rest would each wait as long");
        assertTrue(broker.transactionAborted());
        assertEquals(List.of(), broker.history(), "a reader with read_committed sees none of the batch");
    }

    @Test
    void aCommitThatFailsAbortsAndTheNextBatchPublishesInAFreshTransaction() throws Exception {
        relay.publish(records(0));
        made.get(0).commitTransactionException = new TimeoutException("commit timed out");

        assertThrows(TimeoutException.class, () -> relay.publish(records(3)));
        assertTrue(made.get(0).transactionAborted());

        made.get(0).commitTransactionException = null;
        relay.publish(records(3));
        assertEquals(List.of("k0", "k1", "k2"), keys(made.get(0).history()), "the batch again, whole and in order");
    }

    @Test
    void aProducerThatCannotEvenAbortIsReplacedByANewOne() throws Exception {
        relay.publish(records(0));
        made.get(0).commitTransactionException = new TimeoutException("commit timed out");
        made.get(0).abortTransactionException = new TimeoutException("abort timed out");

        assertThrows(TimeoutException.class, () -> relay.publish(records(2)));
        assertTrue(made.get(0).closed(), "its transactional state is unknown");

        relay.publish(records(2));
        assertEquals(2, made.size());
        assertTrue(made.get(1).transactionInitialized());
        assertEquals(List.of("k0", "k1"), keys(made.get(1).history()));
    }

    private static List<ProducerRecord<byte[], byte[]>> records(int count) {
        return IntStream.range(0, count).mapToObj(i -> new ProducerRecord<>("new-user-created",
                ("k" + i).getBytes(StandardCharsets.UTF_8), ("v" + i).getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static List<String> keys(List<ProducerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }
}
