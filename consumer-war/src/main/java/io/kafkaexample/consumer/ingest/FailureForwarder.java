package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.common.tracing.RecordSpans;
import io.kafkaexample.common.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands failed records to the retry service through {@code side-topic-for-retry}: sends them all at once, then
 * waits for every acknowledgement, so the caller may then acknowledge the originals. Those the broker did not
 * take are sent again until it does; meanwhile the originals stay unacknowledged and the service is not ready.
 * Each hand-off is a {@code send side-topic-for-retry} span, a child of its record's process span, whose context
 * replaces the trace headers the side record copied from the original.
 */
@ApplicationScoped
public class FailureForwarder {

    private static final Logger LOG = Logger.getLogger(FailureForwarder.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    ForwardingReadinessCheck held;

    @Inject
    Tracing tracing;

    /** A record that failed: why, and whether a retry can help. */
    public record Failure(ConsumerRecord<byte[], byte[]> record, Throwable error, boolean retryable) {

        String describe() {
            return RecordPosition.of(record) + " key=" + Utf8.text(record.key()) + " (retryable=" + retryable + ": "
                    + error.getClass().getSimpleName() + ": " + error.getMessage() + ")";
        }
    }

    /**
     * True once the side topic has every one of {@code failures}; false only if the thread was interrupted (stopping).
     * {@code spans}: those of the records' processing, the parents of their hand-offs.
     */
    public boolean forward(List<Failure> failures, RecordSpans spans) {
        if (failures.isEmpty()) {
            return true;
        }
        List<Failure> left = new ArrayList<>(failures);
        String position = RecordPosition.of(failures.get(0).record()) + (failures.size() > 1 ? " and " + (failures.size() - 1) + " more" : "");
        return held.untilDone(position, "hand to the retry service the records", () -> {
            sendAll(left, spans);
            return true;
        }).isPresent();
    }

    /** Sends every record of {@code left} and waits for all; removes those the broker took and throws if any is left. */
    private void sendAll(List<Failure> left, RecordSpans spans) throws Exception {
        Instant now = Instant.now();
        List<Future<RecordMetadata>> sends = new ArrayList<>(left.size());
        List<Span> traced = new ArrayList<>(left.size());
        for (Failure failure : left) {
            var record = FailedRecord.of(failure.record(), failure.error(), failure.retryable(), Channels.GROUP, Channels.REPLY_TO, now);
            Context processed = spans.context(failure.record());
            Span span = tracing.send(processed, record.topic(), record.key());
            tracing.inject(processed.with(span), record.headers());
            traced.add(span);
            sends.add(send(record));
        }
        Exception first = null;
        List<Failure> notTaken = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Failure failure = left.get(i);
            try {
                RecordMetadata sent = sends.get(i).get();
                LOG.fine(() -> "record " + failure.describe() + " handed to retry as " + RecordPosition.of(sent));
            } catch (ExecutionException e) {
                notTaken.add(failure);
                first = first == null ? (Exception) e.getCause() : first;
                Tracing.failed(traced.get(i), e.getCause());
            } finally {
                traced.get(i).end();
            }
        }
        left.retainAll(notTaken);
        if (first != null) {
            throw first;
        }
    }

    private Future<RecordMetadata> send(org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
