package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.retry.engine.Replay;
import io.kafkaexample.retry.message.CopyFinder;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.store.RetryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends dead letters back to the topic their consumer named in {@code retry-reply-to}, with a fresh count: the
 * failure headers are dropped (the provenance stays), {@code dlq-replay-of} names the letter, and retry-war forgets
 * the message's state; {@link Replay} decides, so that a letter is sent back once even across a crash. Rate-limited
 * ({@code retry.replay.rate} letters a second, one replay at a time, at most {@code retry.replay.max-letters}
 * per request) so that a replay cannot flood a consumer that just recovered. A replay is a {@code send <topic>} span
 * in the trace of the letter, linked to the administrator's request.
 */
@ApplicationScoped
public class DeadLetterReplayer {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplayer.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    @Inject
    DeadLetterMarks marks;

    @Inject
    RetryStore store;

    @Inject
    RetrySettings settings;

    @Inject
    @ConfigProperty(name = "retry.replay.rate")
    int lettersPerSecond;

    @Inject
    @ConfigProperty(name = "retry.replay.max-letters")
    int maxLetters;

    @Inject
    CopyFinder finder;

    @Inject
    Tracing tracing;

    private final Semaphore oneAtATime = new Semaphore(1);
    private final String owner = UUID.randomUUID().toString().substring(0, 8);
    private Replay replay;

    int maxLetters() {
        return maxLetters;
    }

    ReplayResult replay(List<DeadLetter> letters, String admin) throws ClientError {
        if (!oneAtATime.tryAcquire()) {
            throw new ClientError("another replay is running: try again when it is done");
        }
        try {
            ReplayResult result = new ReplayResult();
            long pause = TimeUnit.SECONDS.toNanos(1) / Math.max(1, lettersPerSecond);
            for (DeadLetter letter : letters) {
                long started = System.nanoTime();
                replayOne(letter, admin, result);
                long left = pause - (System.nanoTime() - started);
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientError("the replay was interrupted (the server is stopping)");
        } finally {
            oneAtATime.release();
        }
    }

    private void replayOne(DeadLetter letter, String admin, ReplayResult result) {
        String id = letter.getId();
        if (letter.getDiscardedAt() != null) {
            result.skip(id, "discarded at " + letter.getDiscardedAt());
            return;
        }
        var refusal = settings.replyTopics().refusal(Optional.ofNullable(letter.getReplyTo()));
        if (refusal.isPresent()) {
            result.skip(id, refusal.get());
            return;
        }
        String mark = DeadLetterMarks.keyOf(letter.record());
        Optional<String> skipped = replay().replay(mark, copyOf(letter, mark, admin), Instant.now());
        skipped.ifPresentOrElse(reason -> {
            result.skip(id, reason);
            LOG.fine(() -> "dead letter " + id + " not replayed: " + reason);
        }, () -> result.replayed(id));
    }

    private Replay.Copy copyOf(DeadLetter letter, String mark, String admin) {
        ConsumerRecord<byte[], byte[]> record = letter.record();
        String topic = letter.getReplyTo();
        String originTopic = letter.getOriginTopic() == null ? record.topic() : letter.getOriginTopic();
        return new Replay.Copy() {
            @Override
            public void send() throws Exception {
                String retryId = FailedMessage.idOf(letter.getGroup() == null ? "" : letter.getGroup(), originTopic, record.value());
                if (!store.forget(retryId)) {
                    LOG.info(() -> "dead letter " + letter.getId() + ": retry " + retryId + " of the same message is active, so the"
                            + " replay counts on with it rather than from zero");
                }
                long wait = settings.engine().maxSendTime().toMillis();
                var copy = FailedRecord.replay(record, mark, topic);
                Context lettered = tracing.extract(record.headers());
                Span span = tracing.send(lettered, topic, copy.key(), Context.current());
                tracing.inject(lettered.with(span), copy.headers());
                RecordMetadata sent;
                try {
                    sent = producer.send(copy).get(wait, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    Tracing.failed(span, e);
                    throw e;
                } finally {
                    span.end();
                }
                LOG.info(() -> "dead letter " + letter.getId() + " (" + originTopic + ", key=" + letter.getKey() + ") replayed by " + admin
                        + " to " + RecordPosition.of(sent));
            }

            @Override
            public boolean landedSince(Instant since) {
                boolean found = !finder.find(topic, since, headers -> RetryHeaders.get(headers, RetryHeaders.DLQ_REPLAY_OF), Set.of(mark)).isEmpty();
                LOG.info(() -> "dead letter " + letter.getId() + ": an interrupted replay of it " + (found ? "is" : "is not") + " on " + topic);
                return found;
            }
        };
    }

    private synchronized Replay replay() {
        if (replay == null) {
            replay = new Replay(marks, settings.engine().lease(), owner);
        }
        return replay;
    }
}
