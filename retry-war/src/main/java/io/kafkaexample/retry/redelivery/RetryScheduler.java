package io.kafkaexample.retry.redelivery;

import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.retry.monitoring.RetryMetrics;
import io.kafkaexample.retry.store.Claim;
import io.kafkaexample.retry.store.RetryBacklog;
import io.kafkaexample.retry.store.RetryStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs due retries. Each scheduled retry gets a {@link ManagedScheduledExecutorService} job at its due time;
 * a sweep, at start and then every {@code retry.sweep-interval}, claims whatever else is overdue in Redis
 * (retries of a crashed or restarted instance, or whose job was lost). A job or the sweep redelivers an entry
 * only after claiming it in Redis, so two instances never redeliver one entry on purpose, and the claim
 * refuses an entry that is not due yet, so nothing is redelivered early.
 */
@ApplicationScoped
public class RetryScheduler {

    private static final Logger LOG = Logger.getLogger(RetryScheduler.class.getName());
    private static final int SWEEP_BATCH = 500;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RetryStore store;

    @Inject
    RetryBacklog backlog;

    @Inject
    Redeliverer redeliverer;

    @Inject
    RetrySettings settings;

    @Inject
    RetryMetrics metrics;

    @Inject
    @ConfigProperty(name = "service.name")
    String serviceName;

    private final String owner = UUID.randomUUID().toString().substring(0, 8);
    /** Retries this instance scheduled: if Redis loses them (flushed), the copy here still delivers them. */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> sweeper;

    private record Job(Claim.Claimed copy, ScheduledFuture<?> future) {
    }

    void start(@Observes Startup startup) {
        long period = settings.sweepInterval().toMillis();
        sweeper = executor.scheduleWithFixedDelay(this::sweep, 0, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> serviceName + " instance " + owner + " runs due retries; sweeps Redis every " + settings.sweepInterval());
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        jobs.values().forEach(job -> job.future().cancel(false));
    }

    /** Runs {@code entry} at its due time (its state is in Redis already). */
    public void schedule(Claim.Claimed entry) {
        at(entry.dueAt(), entry);
    }

    private void at(Instant when, Claim.Claimed entry) {
        long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
        try {
            ScheduledFuture<?> future = executor.schedule(() -> run(entry), delay, TimeUnit.MILLISECONDS);
            Job previous = jobs.put(entry.id(), new Job(entry, future));
            if (previous != null) {
                previous.future().cancel(false);
            }
        } catch (RejectedExecutionException e) {
            // the application is stopping: the entry is in Redis, the next start's sweep runs it
            LOG.fine(() -> "retry " + entry.id() + " left to the next start: " + e);
        }
    }

    private void run(Claim.Claimed copy) {
        try {
            Claim claim = store.claim(List.of(copy.id()), Instant.now(), settings.lease(), owner).get(0);
            if (claim instanceof Claim.Claimed claimed) {
                jobs.remove(copy.id());
                redeliver(claimed);
            } else if (claim instanceof Claim.NotDue notDue) {
                at(notDue.dueAt(), copy);
            } else if (claim instanceof Claim.Lost) {
                jobs.remove(copy.id());
                LOG.warning(() -> "retry " + copy.id() + " (" + copy.originTopic() + ", key=" + copy.record().key()
                        + ") is gone from Redis (flushed?): redelivering the copy this instance kept");
                redeliver(copy);
            } else {
                jobs.remove(copy.id());
            }
        } catch (RuntimeException e) {
            // Redis unreachable: the sweep takes the entry once Redis is back (and this instance's copy is kept)
            LOG.warning(() -> "retry " + copy.id() + " is due but could not be claimed (" + e + "); trying again in "
                    + settings.sweepInterval());
            at(Instant.now().plus(settings.sweepInterval()), copy);
        }
    }

    void sweep() {
        try {
            Instant now = Instant.now();
            List<String> overdue = backlog.overdue(now, SWEEP_BATCH);
            if (!overdue.isEmpty()) {
                for (Claim claim : store.claim(overdue, now, settings.lease(), owner)) {
                    if (claim instanceof Claim.Claimed claimed) {
                        Job job = jobs.remove(claimed.id());
                        if (job != null) {
                            job.future().cancel(false);
                        }
                        redeliver(claimed);
                    }
                }
            }
            metrics.backlog(backlog.pendingCount(), backlog.earliestDue().orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot sweep the retry schedule in Redis (" + e + "); next try in " + settings.sweepInterval());
        }
    }

    private void redeliver(Claim.Claimed entry) {
        redeliverer.send(entry, owner, failure -> {
            Instant retryAt = Instant.now().plus(settings.sweepInterval());
            LOG.warning(() -> "retry " + entry.id() + " could not be sent to " + entry.replyTo() + " (" + failure
                    + "); trying again at " + retryAt);
            try {
                store.release(entry.id(), entry.attempts(), owner, retryAt);
            } catch (RuntimeException e) {
                LOG.fine(() -> "release of " + entry.id() + " failed: the lease runs out instead: " + e);
            }
            at(retryAt, entry);
        });
    }
}
