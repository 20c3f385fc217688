package io.kafkaexample.common.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers the messages of one channel into batches of at most {@code size}, and applies them one after the
 * other, in the order they arrived: so a partition's records are applied in their order. A batch is closed when
 * full, or {@code wait} after its first message if no batch is being applied; else when the one being applied is
 * done: while one batch is in Redis the next keeps gathering, so batches grow with the load instead of queueing
 * up small. {@link #add} never blocks: the connector stops delivering once its limit of unacknowledged messages
 * is reached, which bounds what waits here. The flush must end every message of its batch in an acknowledgement
 * or a hand-off; this class only keeps the order and the times. A batch whose flush throws (a bug) stays
 * unacknowledged, and counts as the oldest message from then on: its partition's commits stop there, so the
 * readiness check on that age reports the instance until it restarts and Kafka delivers the batch again.
 *
 * @param <T> a message
 */
public final class Batcher<T> {

    private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

    private final String channel;
    private final int size;
    private final Duration wait;
    private final ScheduledExecutorService timers;
    private final Executor executor;
    private final Consumer<List<T>> flush;
    private final LongSupplier nanoTime;

    private List<T> pending;
    private long pendingSince;
    private Future<?> timer;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    /** When the first message of each batch handed to the flush (and not done yet) arrived, oldest first. */
    private final Deque<Long> inFlight = new ArrayDeque<>();
    /** When the first message of the oldest batch whose flush threw arrived; null if none did. */
    private Long stuckSince;

    public Batcher(String channel, BatchSettings settings, ScheduledExecutorService timers, Executor executor, Consumer<List<T>> flush,
                   LongSupplier nanoTime) {
        this.channel = channel;
        this.size = settings.size();
        this.wait = settings.maxWait();
        this.timers = timers;
        this.executor = executor;
        this.flush = flush;
        this.nanoTime = nanoTime;
        this.pending = new ArrayList<>(size);
    }

    public synchronized void add(T message) {
        if (pending.isEmpty()) {
            pendingSince = nanoTime.getAsLong();
            timer = schedule();
        }
        pending.add(message);
        if (pending.size() >= size) {
            close();
        }
    }

    /** How long the oldest message not yet done (waiting or being flushed) has been here; empty if none. */
    public synchronized OptionalLong oldestAgeNanos() {
        Long since = stuckSince != null ? stuckSince
                : !inFlight.isEmpty() ? inFlight.peekFirst()
                : pending.isEmpty() ? null : pendingSince;
        return since == null ? OptionalLong.empty() : OptionalLong.of(nanoTime.getAsLong() - since);
    }

    public String channel() {
        return channel;
    }

    private Future<?> schedule() {
        try {
            return timers.schedule(this::due, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null; // stopping: what is not acknowledged is delivered again after the restart
        }
    }

    private synchronized void due() {
        timer = null; // the wait is over: the batch closes now, or once the one being applied is done
        if (!pending.isEmpty() && inFlight.isEmpty()) {
            close();
        }
    }

    private void close() {
        List<T> batch = pending;
        pending = new ArrayList<>(size);
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        long since = pendingSince;
        inFlight.addLast(since);
        last = last.thenRunAsync(() -> run(batch, since), executor).exceptionally(e -> {
            // rejected by a stopping executor: unacknowledged, so Kafka delivers the batch again after the restart
            LOG.fine(() -> channel + ": a batch of " + batch.size() + " was not applied (" + e + ")");
            done();
            return null;
        });
    }

    private void run(List<T> batch, long since) {
        try {
            flush.accept(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, channel + ": a batch of " + batch.size() + " failed unexpectedly; it stays unacknowledged until a restart",
                    e);
            stuck(since);
        } finally {
            done();
        }
    }

    private synchronized void stuck(long since) {
        if (stuckSince == null) {
            stuckSince = since;
        }
    }

    private synchronized void done() {
        inFlight.pollFirst();
        if (inFlight.isEmpty() && !pending.isEmpty() && timer == null) {
            close();
        }
    }
}
