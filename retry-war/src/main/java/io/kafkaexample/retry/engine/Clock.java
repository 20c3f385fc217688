package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * The port to this instance's time: a monotonic clock for how long a claim has been held (never compared with
 * another instance's), and a timer for the jobs of retries due soon.
 */
public interface Clock {

    long nanoTime();

    /** Runs {@code task} after {@code delay}; throws {@link java.util.concurrent.RejectedExecutionException} when stopping. */
    Future<?> after(Duration delay, Runnable task);
}
