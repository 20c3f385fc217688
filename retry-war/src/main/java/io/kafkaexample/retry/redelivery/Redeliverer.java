package io.kafkaexample.retry.redelivery;

import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.retry.monitoring.RetryMetrics;
import io.kafkaexample.retry.store.Claim;
import io.kafkaexample.retry.store.RetryStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;

/**
 * Sends a claimed retry back to the topic its consumer named in {@code retry-reply-to}, with the original
 * key, value and headers and {@code retry-attempts} set, and marks it redelivered once the broker acknowledged it.
 */
@ApplicationScoped
public class Redeliverer {

    private static final Logger LOG = Logger.getLogger(Redeliverer.class.getName());

    @Inject
    Producer<String, String> producer;

    // the producer's callback runs on its I/O thread, which must not wait for Redis
    @Resource
    ManagedExecutorService executor;

    @Inject
    RetryStore store;

    @Inject
    RetryMetrics metrics;

    /**
     * Sends without blocking; {@code onFailure} runs when the broker did not take the record. A sent record
     * settles the claim only if {@code owner} still holds it.
     */
    void send(Claim.Claimed entry, String owner, Consumer<Exception> onFailure) {
        Instant sentAt = Instant.now();
        Duration lateness = Duration.between(entry.dueAt(), sentAt);
        try {
            producer.send(entry.record().toTopic(entry.replyTo(), entry.attempts()), (metadata, error) -> later(() -> {
                if (error != null) {
                    onFailure.accept(error);
                    return;
                }
                metrics.redelivered(entry.originTopic(), lateness);
                LOG.info(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.record().key() + ", attempt "
                        + entry.attempts() + ") redelivered to " + RecordPosition.of(metadata) + ", " + lateness.toMillis()
                        + " ms after its due time");
                try {
                    if (!store.redelivered(entry.id(), entry.attempts(), owner, Instant.now())) {
                        LOG.fine(() -> "retry " + entry.id() + " attempt " + entry.attempts() + " was no longer claimed by "
                                + owner + " when its send completed: left to the claim that replaced it");
                    }
                } catch (RuntimeException e) {
                    // the lease runs out and the entry is claimed again: a duplicate, which consumers absorb
                    LOG.warning(() -> "retry " + entry.id() + " was redelivered but Redis could not record it (" + e
                            + "): it may be redelivered once more");
                }
            }));
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    private void later(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // stopping: the entry's lease runs out and the next start redelivers or records it
            LOG.fine(() -> "stopping: left to the next start: " + e);
        }
    }
}
