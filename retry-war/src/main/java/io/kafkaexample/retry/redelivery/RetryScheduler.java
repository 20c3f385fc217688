package io.kafkaexample.retry.redelivery;

import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.retry.engine.Clock;
import io.kafkaexample.retry.engine.DeadLetters;
import io.kafkaexample.retry.engine.Redelivery;
import io.kafkaexample.retry.monitoring.RetryMetrics;
import io.kafkaexample.retry.store.RetryBacklog;
import io.kafkaexample.retry.store.RetryStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's {@link Redelivery} engine, on the server's {@link ManagedScheduledExecutorService}: jobs for
 * the retries due soon, and a sweep at start and then every {@code retry.sweep-interval}.
 */
@ApplicationScoped
public class RetryScheduler {

    private static final Logger LOG = Logger.getLogger(RetryScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RetryStore store;

    @Inject
    RetryBacklog backlog;

    @Inject
    Redeliverer redeliverer;

    @Inject
    RedeliveredCopies copies;

    @Inject
    DeadLetters deadLetters;

    @Inject
    RetrySettings settings;

    @Inject
    RetryMetrics metrics;

    @Inject
    @ConfigProperty(name = "service.name")
    String serviceName;

    private final String owner = UUID.randomUUID().toString().substring(0, 8);
    private Redelivery engine;
    private volatile ScheduledFuture<?> sweeper;

    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Future<?> after(Duration delay, Runnable task) {
            return executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    };

    void start(@Observes Startup startup) {
        Duration interval = settings.engine().sweepInterval();
        sweeper = executor.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> serviceName + " instance " + owner + " runs due retries; sweeps Redis every " + interval);
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (engine != null) {
            engine.stop();
        }
    }

    /** The engine that runs this instance's retries. */
    public synchronized Redelivery engine() {
        if (engine == null) {
            engine = new Redelivery(store, redeliverer, copies, deadLetters, clock, settings.engine(), metrics, owner);
        }
        return engine;
    }

    void sweep() {
        try {
            engine().sweep();
            metrics.backlog(backlog.pendingCount(), backlog.earliestDue().orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot sweep the retry schedule in Redis (" + e + "); next try in " + settings.engine().sweepInterval());
        }
    }
}
