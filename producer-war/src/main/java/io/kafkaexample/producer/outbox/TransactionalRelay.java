package io.kafkaexample.producer.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes a batch of outbox records in one Kafka transaction: all of them become visible to read_committed
 * readers, or none. So a batch that fails half-way (the broker gone, back mid-batch) leaves nothing a reader
 * sees, and is published again whole, in its order: a key's events never overtake each other, whatever failed.
 * A send that fails at once (no metadata within max.block) stops the batch there instead of making every other
 * send wait as long. A producer left unusable (a timeout in a transaction's step, a fatal error) is closed and a
 * new one made for the next batch.
 */
final class TransactionalRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalRelay.class.getName());

    private final Supplier<Producer<byte[], byte[]>> factory;
    private Producer<byte[], byte[]> producer;

    /** {@code factory}: a new transactional producer, not yet initialised. */
    TransactionalRelay(Supplier<Producer<byte[], byte[]>> factory) {
        this.factory = factory;
    }

    /** Returns once the records are committed; throws, having aborted the transaction, if they are not. */
    void publish(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Producer<byte[], byte[]> current = ready();
        try {
            current.beginTransaction();
            for (ProducerRecord<byte[], byte[]> record : records) {
                Future<RecordMetadata> sent = current.send(record);
                if (sent.isDone()) {
                    sent.get(); // failed before it left: the broker is not there, the rest would fail as slowly
                }
            }
            // sends every record still waiting; throws if any of the transaction's records failed
            current.commitTransaction();
        } catch (ExecutionException e) {
            abort(current);
            throw (Exception) e.getCause();
        } catch (KafkaException e) {
            abort(current);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private synchronized Producer<byte[], byte[]> ready() {
        if (producer == null) {
            Producer<byte[], byte[]> created = factory.get();
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void abort(Producer<byte[], byte[]> current) {
        try {
            current.abortTransaction();
        } catch (KafkaException e) {
            // timed out or fatal: this producer's transactional state is unknown, so a new one starts afresh
            LOG.fine(() -> "the outbox relay's producer could not abort (" + e + "): a new one takes over");
            close();
        }
    }
}
