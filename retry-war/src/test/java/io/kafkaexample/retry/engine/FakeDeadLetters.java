package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The dead-letter queue in memory; {@link #down} makes it refuse letters as an unreachable broker would,
 * {@link #takes} limits how many letters of one publish it takes before refusing the rest, {@link #outcomeLost}
 * makes it take them all yet report the publish failed (a request the broker appended after the producer gave up
 * on it), and {@link #unreadable} makes reading it back fail.
 */
final class FakeDeadLetters implements DeadLetters {

    final List<Letter> letters = new ArrayList<>();
    boolean down;
    int takes = Integer.MAX_VALUE;
    boolean outcomeLost;
    boolean unreadable;
    int reads;

    @Override
    public Published publish(List<Letter> batch) {
        List<Letter> taken = down ? List.of() : batch.subList(0, Math.min(takes, batch.size()));
        letters.addAll(taken);
        if (outcomeLost) {
            return new Published(List.of(), Optional.of(new TimeoutException("Expiring 1 record(s) for dead-letter-queue-0")));
        }
        return new Published(List.copyOf(taken), taken.size() == batch.size() ? Optional.empty()
                : Optional.of(new TimeoutException("dead-letter-queue not reachable")));
    }

    /** Letters of the wanted ids at the wanted counts; the time is not kept here, so {@code since} is not checked. */
    @Override
    public Set<String> landed(List<Letter> wanted, Instant since) throws Exception {
        reads++;
        if (unreadable) {
            throw new TimeoutException("Timeout of 10000ms expired before the position could be determined");
        }
        return wanted.stream().filter(w -> letters.stream().anyMatch(l -> l.id().equals(w.id()) && l.attempts() == w.attempts()))
                .map(Letter::id).collect(Collectors.toSet());
    }

    long of(String id) {
        return letters.stream().filter(l -> l.id().equals(id)).count();
    }
}
