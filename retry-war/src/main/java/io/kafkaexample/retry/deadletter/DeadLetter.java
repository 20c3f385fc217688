package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.Utf8;
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

    private final ConsumerRecord<byte[], byte[]> record;
    private final FailedRecord envelope;
    private final Instant replayedAt;
    private final Instant discardedAt;

    DeadLetter(ConsumerRecord<byte[], byte[]> record, Instant replayedAt, Instant discardedAt) {
        this.record = record;
        this.envelope = FailedRecord.read(record.headers());
        this.replayedAt = replayedAt;
        this.discardedAt = discardedAt;
    }

    @Id
    @Description("<partition>-<offset> in dead-letter-queue")
    public String getId() {
        return DeadLetterId.of(record.partition(), record.offset());
    }

    public String getOriginTopic() {
        return envelope.originTopic().orElse(null);
    }

    // <partition>@<offset>, without the topic (getOriginTopic has it): not a RecordPosition
    @Description("Partition and offset of the original record in its origin topic")
    public String getOriginPosition() {
        return envelope.originPartition().orElse(null) + "@" + envelope.originOffset().orElse(null);
    }

    public String getKey() {
        return Utf8.text(record.key());
    }

    @Description("The original value as UTF-8 text (a byte that is not UTF-8 shows as U+FFFD; the letter keeps the bytes)")
    public String getValue() {
        return Utf8.text(record.value());
    }

    @Description("The consumer group that failed on it")
    public String getGroup() {
        return envelope.group().orElse(null);
    }

    @Description("The topic a replay sends it to")
    public String getReplyTo() {
        return envelope.replyTo().orElse(null);
    }

    public int getAttempts() {
        return envelope.attempts();
    }

    public OffsetDateTime getFirstFailureAt() {
        return time(envelope.firstFailureAt().orElse(null));
    }

    public String getErrorClass() {
        return envelope.errorClass().orElse(null);
    }

    public String getErrorMessage() {
        return envelope.errorMessage().orElse(null);
    }

    public String getReason() {
        return envelope.deadLetterReason().orElse(null);
    }

    public OffsetDateTime getDeadLetteredAt() {
        return time(envelope.deadLetteredAt().orElse(null));
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
    public ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    private static OffsetDateTime time(String text) {
        try {
            return text == null ? null : Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
