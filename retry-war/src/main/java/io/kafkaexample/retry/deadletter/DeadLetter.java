package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.RetryHeaders;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A message given up, as read from dead-letter-queue, with where it came from and why it failed")
public class DeadLetter {

    private final ConsumerRecord<String, String> record;
    private final Instant replayedAt;
    private final Instant discardedAt;

    DeadLetter(ConsumerRecord<String, String> record, Instant replayedAt, Instant discardedAt) {
        this.record = record;
        this.replayedAt = replayedAt;
        this.discardedAt = discardedAt;
    }

    @Id
    @Description("<partition>-<offset> in dead-letter-queue")
    public String getId() {
        return DeadLetterId.of(record.partition(), record.offset());
    }

    public String getOriginTopic() {
        return header(RetryHeaders.ORIGIN_TOPIC);
    }

    @Description("Partition and offset of the original record in its origin topic")
    public String getOriginPosition() {
        return header(RetryHeaders.ORIGIN_PARTITION) + "@" + header(RetryHeaders.ORIGIN_OFFSET);
    }

    public String getKey() {
        return record.key();
    }

    @Description("The original value, unchanged")
    public String getValue() {
        return record.value();
    }

    @Description("The consumer group that failed on it")
    public String getGroup() {
        return header(RetryHeaders.GROUP);
    }

    @Description("The topic a replay sends it to")
    public String getReplyTo() {
        return header(RetryHeaders.REPLY_TO);
    }

    public int getAttempts() {
        return RetryHeaders.attempts(record.headers());
    }

    public OffsetDateTime getFirstFailureAt() {
        return time(header(RetryHeaders.FIRST_FAILURE_AT));
    }

    public String getErrorClass() {
        return header(RetryHeaders.ERROR_CLASS);
    }

    public String getErrorMessage() {
        return header(RetryHeaders.ERROR_MESSAGE);
    }

    public String getReason() {
        return header(RetryHeaders.DLQ_REASON);
    }

    public OffsetDateTime getDeadLetteredAt() {
        return time(header(RetryHeaders.DLQ_AT));
    }

    @Description("When an administrator replayed it; null if never")
    public OffsetDateTime getReplayedAt() {
        return replayedAt == null ? null : replayedAt.atOffset(ZoneOffset.UTC);
    }

    @Description("When an administrator discarded it; null if not discarded")
    public OffsetDateTime getDiscardedAt() {
        return discardedAt == null ? null : discardedAt.atOffset(ZoneOffset.UTC);
    }

    @Ignore
    public ConsumerRecord<String, String> record() {
        return record;
    }

    private String header(String name) {
        return RetryHeaders.get(record.headers(), name).orElse(null);
    }

    private static OffsetDateTime time(String text) {
        try {
            return text == null ? null : Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
