package io.kafkaexample.retry.monitoring;

import io.kafkaexample.retry.store.Pending;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A failed message waiting for its next redelivery")
public class PendingRetry {

    private final Pending pending;

    PendingRetry(Pending pending) {
        this.pending = pending;
    }

    @Id
    @Description("The hash of (origin topic, value) under which retry-war keeps the message's state")
    public String getId() {
        return pending.id();
    }

    @Description("The topic the message was first consumed from")
    public String getOriginTopic() {
        return pending.originTopic();
    }

    public String getKey() {
        return pending.key();
    }

    @Description("Failed attempts so far (1 after the first failure)")
    public int getAttempts() {
        return pending.attempts();
    }

    @Description("When the next redelivery is due")
    public OffsetDateTime getDueAt() {
        return utc(pending.dueAt());
    }

    public OffsetDateTime getFirstFailureAt() {
        return utc(pending.firstFailureAt());
    }

    @Description("The last failure: exception class and message")
    public String getLastError() {
        return pending.lastError();
    }

    @Description("scheduled, or claimed while an instance redelivers it")
    public String getState() {
        return pending.state();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
