package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The in-memory jobs of the retries due soon: an id and a timer each, never a copy of the record (the store
 * has it), and at most {@link #LIMIT}, so a backlog of any size costs the instance no memory. A retry without
 * a job is claimed by the sweep.
 */
final class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    /** About 2 MiB of ids and timers; past it, retries wait for the sweep (at most a sweep interval late). */
    static final int LIMIT = 10_000;

    private final Clock clock;
    private final Consumer<String> due;
    private final Map<String, Future<?>> jobs = new ConcurrentHashMap<>();

    Jobs(Clock clock, Consumer<String> due) {
        this.clock = clock;
        this.due = due;
    }

    /** Runs {@code id} after {@code delay}, replacing its earlier job; nothing if the limit is reached. */
    void at(String id, Duration delay) {
        if (jobs.size() >= LIMIT && !jobs.containsKey(id)) {
            return;
        }
        try {
            Future<?> job = clock.after(delay.isNegative() ? Duration.ZERO : delay, () -> {
                jobs.remove(id);
                due.accept(id);
            });
            Future<?> previous = jobs.put(id, job);
            if (previous != null && previous != job) {
                previous.cancel(false);
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
        Future<?> job = jobs.remove(id);
        if (job != null) {
            job.cancel(false);
        }
    }

    void cancelAll() {
        jobs.values().forEach(job -> job.cancel(false));
        jobs.clear();
    }

    int size() {
        return jobs.size();
    }
}
