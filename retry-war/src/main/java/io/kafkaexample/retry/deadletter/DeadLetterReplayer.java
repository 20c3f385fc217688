package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.store.RetryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends dead letters back to the topic their consumer named in {@code retry-reply-to}, with a fresh count: the
 * failure headers are dropped (the provenance stays) and retry-war forgets the message's state. Rate-limited
 * ({@code retry.replay.rate} letters a second, one replay at a time, at most {@code retry.replay.max-letters}
 * per request) so that a replay cannot flood a consumer that just recovered.
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

    private final Semaphore oneAtATime = new Semaphore(1);

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
        Instant now = Instant.now();
        String mark = DeadLetterMarks.keyOf(letter.record());
        if (!marks.markReplayed(mark, now)) {
            result.skip(id, "already replayed at " + marks.replayedAt(mark));
            return;
        }
        ConsumerRecord<byte[], byte[]> record = letter.record();
        try {
            String originTopic = letter.getOriginTopic() == null ? record.topic() : letter.getOriginTopic();
            String retryId = FailedMessage.idOf(letter.getGroup() == null ? "" : letter.getGroup(), originTopic, record.value());
            if (!store.forget(retryId)) {
                LOG.info(() -> "dead letter " + id + ": retry " + retryId + " of the same message is active, so the replay"
                        + " counts on with it rather than from zero");
            }
            var sent = producer.send(FailedRecord.replay(record, letter.getReplyTo())).get(30, TimeUnit.SECONDS);
            result.replayed(id);
            LOG.info(() -> "dead letter " + id + " (" + originTopic + ", key=" + letter.getKey() + ") replayed by " + admin + " to "
                    + RecordPosition.of(sent));
        } catch (Exception e) {
            marks.unmarkReplayed(mark);
            result.skip(id, "could not be sent (" + e.getClass().getSimpleName() + "): try again");
            LOG.warning(() -> "dead letter " + id + " could not be replayed: " + e);
        }
    }
}
