package io.kafkaexample.retry.redelivery;

import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Sender;
import io.kafkaexample.retry.store.StoredRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;

/**
 * Sends a claimed retry to its reply topic with the original key, value and headers and {@code retry-attempts}
 * set, without waiting for the broker; the outcome runs on the server's executor, since the producer's
 * callback thread must not wait for Redis. The send is a {@code send <reply topic>} span in the trace the stored
 * record carries (its intake's), and the redelivery carries that span's context.
 */
@ApplicationScoped
public class Redeliverer implements Sender {

    private static final Logger LOG = Logger.getLogger(Redeliverer.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Tracing tracing;

    @Override
    public void send(Claim.Claimed entry, Outcome outcome) {
        Span span = Span.getInvalid();
        try {
            StoredRecord stored = StoredRecord.parse(entry.record());
            var record = stored.toTopic(entry.replyTo(), entry.id(), entry.attempts());
            Context scheduled = tracing.extract(stored.headers());
            span = tracing.send(scheduled, record.topic(), record.key());
            tracing.inject(scheduled.with(span), record.headers());
            Span sending = span;
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    Tracing.failed(sending, error);
                }
                sending.end();
                later(() -> {
                    if (error == null) {
                        outcome.sent();
                    } else {
                        outcome.failed(error);
                    }
                });
            });
        } catch (RuntimeException e) {
            Tracing.failed(span, e);
            span.end();
            outcome.failed(e);
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
