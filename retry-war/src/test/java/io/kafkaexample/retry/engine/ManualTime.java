package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Virtual time for the engine's tests: the store's clock ({@link #now()}) and an instance's {@link Clock} (timer
 * and monotonic clock), which can be skewed or made to jump on its own. Tasks run on the test's thread, in
 * due order, when time is advanced.
 */
final class ManualTime {

    private long nowMillis = 1_000_000;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private record Task(long at, long order, Runnable run, CompletableFuture<Void> handle) {
    }

    /** The store's clock, in ms. */
    long now() {
        return nowMillis;
    }

    /** Moves time on, running every job due meanwhile at its own time. */
    void advance(Duration duration) {
        long end = nowMillis + duration.toMillis();
        while (true) {
            Task next = tasks.stream().filter(t -> t.at() <= end && !t.handle().isCancelled())
                    .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            nowMillis = Math.max(nowMillis, next.at());
            next.handle().complete(null);
            next.run().run();
        }
        tasks.removeIf(t -> t.handle().isCancelled());
        nowMillis = end;
    }

    /** The store's clock jumps without any job running (a Redis failover to a node whose clock is ahead, say). */
    void jump(Duration duration) {
        nowMillis += duration.toMillis();
    }

    int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.handle().isDone()).count();
    }

    /** An instance's clock: its timer runs on this time; its monotonic clock can be made to jump on its own. */
    final class InstanceClock implements Clock {

        private long jumpedNanos;

        @Override
        public long nanoTime() {
            return nowMillis * 1_000_000 + jumpedNanos;
        }

        @Override
        public Future<?> after(Duration delay, Runnable task) {
            CompletableFuture<Void> handle = new CompletableFuture<>();
            tasks.add(new Task(nowMillis + delay.toMillis(), sequence++, task, handle));
            return handle;
        }

        /** This instance alone sees time pass (a thread stalled in a send, a GC pause). */
        void stall(Duration duration) {
            jumpedNanos += duration.toNanos();
        }
    }
}
