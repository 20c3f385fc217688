package io.kafkaexample.retry.monitoring;

import org.eclipse.microprofile.graphql.Description;

@Description("Counts over all retry-war instances, kept in Redis since its state was last cleared")
public class RetryStats {

    private final long scheduled;
    private final long redelivered;
    private final long deadLettered;
    private final long pending;
    private final long oldestOverdueSeconds;

    RetryStats(long scheduled, long redelivered, long deadLettered, long pending, long oldestOverdueSeconds) {
        this.scheduled = scheduled;
        this.redelivered = redelivered;
        this.deadLettered = deadLettered;
        this.pending = pending;
        this.oldestOverdueSeconds = oldestOverdueSeconds;
    }

    @Description("Retries scheduled")
    public long getScheduled() {
        return scheduled;
    }

    @Description("Retries sent back to their consumer")
    public long getRedelivered() {
        return redelivered;
    }

    @Description("Messages given up and published to dead-letter-queue")
    public long getDeadLettered() {
        return deadLettered;
    }

    @Description("Retries waiting now")
    public long getPending() {
        return pending;
    }

    @Description("How long the most overdue retry has waited past its due time, in seconds (0: none overdue)")
    public long getOldestOverdueSeconds() {
        return oldestOverdueSeconds;
    }
}
