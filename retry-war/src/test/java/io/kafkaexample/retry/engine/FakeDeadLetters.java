package io.kafkaexample.retry.engine;

import java.util.ArrayList;
import java.util.List;

/** The dead-letter queue in memory; {@link #down} makes it refuse letters as an unreachable broker would. */
final class FakeDeadLetters implements DeadLetters {

    final List<Letter> letters = new ArrayList<>();
    boolean down;

    @Override
    public void publish(Letter letter) throws Exception {
        if (down) {
            throw new java.util.concurrent.TimeoutException("dead-letter-queue not reachable");
        }
        letters.add(letter);
    }

    long of(String id) {
        return letters.stream().filter(l -> l.id().equals(id)).count();
    }
}
