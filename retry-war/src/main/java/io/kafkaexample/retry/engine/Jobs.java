package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The in-memory jobs of the retries due soon: an id and a timer each, plus the record of a retry this instance
 * scheduled itself (if Redis loses its state, that copy is still redelivered), and at most {@link #LIMIT}, so a
 * backlog of any size costs the instance bounded memory. A retry without a job is claimed by the sweep.
 */
final class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    /** Past it, retries wait for the sweep (at most a sweep interval late). */
    static final int LIMIT = 10_000;

    private final Clock clock;
    private final BiConsumer<String, Claim.Claimed> due;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private record Job(Future<?> timer, Claim.Claimed copy) {
    }

    Jobs(Clock clock, BiConsumer<String, Claim.Claimed> due) {
        this.clock = clock;
        this.due = due;
    }

    /**
     * Runs {@code id} after {@code delay}, replacing its earlier job; nothing if the limit is reached.
     * {@code copy}: the retry as scheduled, or null if this instance has only its id.
     */
    void at(String id, Duration delay, Claim.Claimed copy) {
        if (jobs.size() >= LIMIT && !jobs.containsKey(id)) {
            return;
        }
        try {
            Future<?> timer = clock.after(delay.isNegative() ? Duration.ZERO : delay, () -> {
                jobs.remove(id);
                due.accept(id, copy);
            });
            Job previous = jobs.put(id, new Job(timer, copy));
            if (previous != null) {
                previous.timer().cancel(false);
            }
        } catch (RejectedExecutionException e) {
            // stopping: the retry is in the store, and the next start's sweep runs it
            LOG.fine(() -> "retry " + id + " left to the next start: " + e);
        }
    }

    boolean has(String id) {
        return jobs.containsKey(id);
    }

    /** The sweep claims {@code id} itself. */
    void cancel(String id) {
        Job job = jobs.remove(id);
        if (job != null) {
            job.timer().cancel(false);
        }
    }

    void cancelAll() {
        jobs.values().forEach(job -> job.timer().cancel(false));
        jobs.clear();
    }

    int size() {
        return jobs.size();
    }
}
