package io.kafkaexample.retry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Items handed in by many threads, worked off in batches by whichever thread finds no batch running, while the
 * others return at once: while one batch is in Redis, the next gathers. Alone, an item is a batch of one, so
 * nothing waits for company.
 *
 * @param <T> an item
 */
final class Combiner<T> {

    private final int max;
    private final Consumer<List<T>> work;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code work} gets at most {@code max} items at a time and must not throw. */
    Combiner(int max, Consumer<List<T>> work) {
        this.max = max;
        this.work = work;
    }

    void add(T item) {
        addAll(List.of(item));
    }

    void addAll(List<T> items) {
        queue.addAll(items);
        // an item added just as the running thread let go is taken by this loop, never left behind
        while (!queue.isEmpty() && running.compareAndSet(false, true)) {
            try {
                for (List<T> batch = take(); !batch.isEmpty(); batch = take()) {
                    work.accept(batch);
                }
            } finally {
                running.set(false);
            }
        }
    }

    private List<T> take() {
        List<T> batch = new ArrayList<>();
        while (batch.size() < max) {
            T item = queue.poll();
            if (item == null) {
                break;
            }
            batch.add(item);
        }
        return batch;
    }
}
