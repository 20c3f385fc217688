package io.kafkaexample.retry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter queue in memory; {@link #down} makes it refuse letters as an unreachable broker would, and
 * {@link #takes} limits how many letters of one publish it takes before refusing the rest.
 */
final class FakeDeadLetters implements DeadLetters {

    final List<Letter> letters = new ArrayList<>();
    boolean down;
    int takes = Integer.MAX_VALUE;

    @Override
    public Published publish(List<Letter> batch) {
        List<Letter> taken = down ? List.of() : batch.subList(0, Math.min(takes, batch.size()));
        letters.addAll(taken);
        return new Published(List.copyOf(taken), taken.size() == batch.size() ? Optional.empty()
                : Optional.of(new TimeoutException("dead-letter-queue not reachable")));
    }

    long of(String id) {
        return letters.stream().filter(l -> l.id().equals(id)).count();
    }
}
