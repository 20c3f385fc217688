package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@code replay-claim.lua} and {@code replay-done.lua} in memory, on {@link ManualTime}'s store clock. */
final class FakeReplayMarks implements ReplayMarks {

    private record Sending(String owner, long leaseEnd, long started) {
    }

    private final ManualTime time;
    private final Map<String, Object> marks = new HashMap<>();

    FakeReplayMarks(ManualTime time) {
        this.time = time;
    }

    @Override
    public synchronized Mark claim(String letter, Duration lease, String owner) {
        Object mark = marks.get(letter);
        if (mark == null) {
            marks.put(letter, new Sending(owner, time.now() + lease.toMillis(), time.now()));
            return new Claimed();
        }
        if (mark instanceof String at) {
            return new Replayed(at);
        }
        Sending sending = (Sending) mark;
        if (sending.leaseEnd() > time.now()) {
            return new Busy(Duration.ofMillis(sending.leaseEnd() - time.now()));
        }
        marks.put(letter, new Sending(owner, time.now() + lease.toMillis(), sending.started()));
        return new TakenOver(Instant.ofEpochMilli(sending.started()));
    }

    @Override
    public synchronized boolean replayed(String letter, String owner, Instant at) {
        if (marks.get(letter) instanceof Sending sending && sending.owner().equals(owner)) {
            marks.put(letter, at.toString());
            return true;
        }
        return false;
    }

    synchronized boolean isReplayed(String letter) {
        return marks.get(letter) instanceof String;
    }
}
