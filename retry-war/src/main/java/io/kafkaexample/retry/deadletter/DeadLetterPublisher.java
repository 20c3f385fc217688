package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.retry.alert.Alerts;
import io.kafkaexample.retry.engine.DeadLetters;
import io.kafkaexample.retry.message.CopyFinder;
import io.kafkaexample.retry.store.StoredRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Gives messages up: publishes each to {@code dead-letter-queue} with its original key, value and headers, the
 * {@code retry-*} provenance and {@code dlq-reason}, {@code dlq-at}; all are sent before any is waited for, and
 * the answer says which the broker has. Each is a {@code send dead-letter-queue} span in the trace the stored record
 * carries, and the letter carries that span's context.
 */
@ApplicationScoped
public class DeadLetterPublisher implements DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    @Inject
    Alerts alerts;

    @Inject
    Tracing tracing;

    @Inject
    CopyFinder finder;

    @Override
    public Set<String> landed(List<Letter> letters, Instant since) {
        return finder.findAttempts(Topics.DEAD_LETTER_QUEUE, since,
                letters.stream().collect(Collectors.toMap(Letter::id, Letter::attempts, Math::max)));
    }

    @Override
    public Published publish(List<Letter> letters) {
        Instant now = Instant.now();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(letters.size());
        List<Future<RecordMetadata>> sends = new ArrayList<>(letters.size());
        List<Span> spans = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            StoredRecord stored = StoredRecord.parse(letter.record());
            var record = FailedRecord.deadLetter(stored.key(), stored.value(), stored.headers(), letter.id(), letter.attempts(),
                    letter.reason(), now);
            Context retried = tracing.extract(stored.headers());
            Span span = tracing.send(retried, record.topic(), record.key());
            tracing.inject(retried.with(span), record.headers());
            spans.add(span);
            records.add(record);
            sends.add(send(record));
        }
        List<Letter> taken = new ArrayList<>(letters.size());
        List<String> lines = new ArrayList<>(letters.size());
        Exception failure = null;
        for (int i = 0; i < sends.size(); i++) {
            // no timeout of its own: the producer fails the send within max-block + delivery-timeout, and giving up
            // sooner would leave a letter that may still land, to be published a second time
            try {
                RecordMetadata sent = sends.get(i).get();
                taken.add(letters.get(i));
                lines.add(describe(letters.get(i), FailedRecord.read(records.get(i).headers()), DeadLetterId.of(sent.partition(), sent.offset())));
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
                Tracing.failed(spans.get(i), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
                Tracing.failed(spans.get(i), e);
            } finally {
                spans.get(i).end();
            }
        }
        announce(lines);
        return new Published(taken, Optional.ofNullable(failure));
    }

    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@code envelope}: the letter as sent, whose envelope caps the reason's length. */
    private static String describe(Letter letter, FailedRecord envelope, String id) {
        return "Dead letter " + id + " from " + letter.originTopic() + " (retry " + letter.id() + ", key " + letter.key() + ", group "
                + envelope.group().orElse("") + ") after " + letter.attempts() + " failed attempt(s): " + envelope.deadLetterReason().orElseThrow();
    }

    /** One log line and one alert for the letters of a publish, however many. */
    private void announce(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        lines.forEach(line -> LOG.fine(line));
        String text = lines.size() == 1 ? lines.get(0)
                : lines.size() + " dead letters; the first: " + lines.get(0) + "; the last: " + lines.get(lines.size() - 1);
        LOG.warning(text);
        alerts.send(text);
    }
}
