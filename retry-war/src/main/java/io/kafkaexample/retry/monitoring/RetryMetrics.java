package io.kafkaexample.retry.monitoring;

import io.kafkaexample.retry.engine.RetryEvents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics: retries scheduled, redelivered and dead-lettered per origin topic, how late each redelivery was,
 * and the backlog (pending retries, age of the oldest overdue one) as of the last sweep, so that a scrape
 * never waits for Redis.
 */
@ApplicationScoped
public class RetryMetrics implements RetryEvents {

    @Inject
    MetricRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong earliestDueMillis = new AtomicLong(Long.MAX_VALUE);

    @PostConstruct
    void gauges() {
        registry.gauge("retry.pending", pending, AtomicLong::get);
        registry.gauge("retry.oldest.overdue.seconds", this, RetryMetrics::oldestOverdueSeconds);
    }

    @Override
    public void scheduled(String originTopic) {
        registry.counter("retry.scheduled", tag(originTopic)).inc();
    }

    @Override
    public void redelivered(String originTopic, Duration lateness) {
        registry.counter("retry.redelivered", tag(originTopic)).inc();
        registry.timer("retry.redelivery.lateness", tag(originTopic)).update(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    @Override
    public void deadLettered(String originTopic) {
        registry.counter("retry.dead.lettered", tag(originTopic)).inc();
    }

    /** The backlog as the last sweep found it. */
    public void backlog(long pendingCount, Instant earliestDue) {
        pending.set(pendingCount);
        earliestDueMillis.set(earliestDue == null ? Long.MAX_VALUE : earliestDue.toEpochMilli());
    }

    /** How long the most overdue retry has waited past its due time; 0 when none is overdue. */
    public long oldestOverdueSeconds() {
        long earliest = earliestDueMillis.get();
        return earliest == Long.MAX_VALUE ? 0 : Math.max(0, (System.currentTimeMillis() - earliest) / 1000);
    }

    private static Tag tag(String originTopic) {
        return new Tag("topic", originTopic);
    }
}
