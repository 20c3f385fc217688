package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The in-memory jobs of the retries due soon: an id and a due time each, plus the record of a retry this
 * instance scheduled itself (if Redis loses its state, that copy is still redelivered), and at most
 * {@link #LIMIT}, so a backlog of any size costs the instance bounded memory. A retry without a job is claimed by
 * the sweep. One timer of the {@link Clock}, set for the earliest job, hands every job due by then to
 * {@code due} at once: a timer per retry would cost a task per retry in the server's scheduler, whose every new
 * task looks through those it holds (Liberty's managed scheduler purges its done tasks on each schedule).
 */
final class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    /** Past it, retries wait for the sweep (at most a sweep interval late). */
    static final int LIMIT = 10_000;
    private static final Comparator<Job> BY_DUE = Comparator.comparingLong(Job::dueAt).thenComparingLong(Job::order);

    /** A job that fell due: its id, and the retry as this instance scheduled it, or null. */
    record Fell(String id, Claim.Claimed copy) {
    }

    private record Job(String id, long dueAt, long order, Claim.Claimed copy) {
    }

    private final Clock clock;
    private final Consumer<List<Fell>> due;
    // guarded by this
    private final Map<String, Job> jobs = new HashMap<>();
    private final NavigableSet<Job> timeline = new TreeSet<>(BY_DUE);
    private long order;
    private Future<?> timer;
    private long timerAt;
    private long timerGeneration;

    Jobs(Clock clock, Consumer<List<Fell>> due) {
        this.clock = clock;
        this.due = due;
    }

    /**
     * Runs {@code id} after {@code delay}, replacing its earlier job; nothing if the limit is reached.
     * {@code copy}: the retry as scheduled, or null if this instance has only its id.
     */
    synchronized void at(String id, Duration delay, Claim.Claimed copy) {
        if (jobs.size() >= LIMIT && !jobs.containsKey(id)) {
            return;
        }
        Job job = new Job(id, clock.nanoTime() + Math.max(0, delay.toNanos()), order++, copy);
        remove(jobs.put(id, job));
        timeline.add(job);
        wake();
    }

    synchronized boolean has(String id) {
        return jobs.containsKey(id);
    }

    /** The sweep claims {@code id} itself. */
    synchronized void cancel(String id) {
        remove(jobs.remove(id));
    }

    synchronized void cancelAll() {
        jobs.clear();
        timeline.clear();
        stopTimer();
    }

    synchronized int size() {
        return jobs.size();
    }

    private void remove(Job job) {
        if (job != null) {
            timeline.remove(job);
        }
    }

    /** Sets the timer for the earliest job, unless it is set for then or earlier already. */
    private void wake() {
        if (timeline.isEmpty() || timer != null && timerAt <= timeline.first().dueAt()) {
            return;
        }
        stopTimer();
        long at = timeline.first().dueAt();
        long generation = ++timerGeneration;
        // whole milliseconds, rounded up: a timer that rang a fraction early would find nothing due
        long millis = Math.max(0, (at - clock.nanoTime() + 999_999) / 1_000_000);
        try {
            timer = clock.after(Duration.ofMillis(millis), () -> ring(generation));
            timerAt = at;
        } catch (RejectedExecutionException e) {
            // stopping: the retries are in the store, and the next start's sweep runs them
            LOG.fine(() -> jobs.size() + " retries left to the next start: " + e);
        }
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void ring(long generation) {
        List<Fell> fell = new ArrayList<>();
        synchronized (this) {
            if (generation == timerGeneration) {
                timer = null;
            }
            long now = clock.nanoTime();
            while (!timeline.isEmpty() && timeline.first().dueAt() <= now) {
                Job job = timeline.pollFirst();
                jobs.remove(job.id());
                fell.add(new Fell(job.id(), job.copy()));
            }
            wake();
        }
        if (!fell.isEmpty()) {
            due.accept(fell);
        }
    }
}
