package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Redis scripts' semantics in memory, on {@link ManualTime}'s store clock: what several engines share in
 * the tests. Synchronized, as each script is atomic.
 */
final class FakeState implements RetryState {

    private final ManualTime time;
    final Map<String, Entry> entries = new HashMap<>();
    final Map<String, Long> schedule = new HashMap<>();

    static final class Entry {
        final Set<String> seen = new HashSet<>();
        int attempts;
        String state;
        String record;
        String replyTo;
        String topic;
        String key;
        long dueAt;
        String claimedBy;
        Long attemptClaimedAt;
        int sendFailures;
        String dlqReason;
        Long countedAt;
    }

    FakeState(ManualTime time) {
        this.time = time;
    }

    @Override
    public synchronized List<Registration> register(List<Failure> failures, Duration ttl) {
        return failures.stream().map(failure -> register(failure, ttl)).toList();
    }

    @Override
    public synchronized Registration register(Failure failure, Duration ttl) {
        Entry entry = entries.computeIfAbsent(failure.id(), id -> new Entry());
        boolean newSide = entry.seen.add("seen:" + failure.sidePosition());
        boolean newFailure = failure.failedPosition().map(position -> entry.seen.add("failed:" + position)).orElse(true);
        boolean attemptCounted = failure.headerAttempts() >= 2 && failure.headerAttempts() <= entry.attempts;
        if (!(newSide && newFailure) || attemptCounted) {
            return new Registration(true, entry.attempts, entry.state == null ? "" : entry.state, countedAt(entry));
        }
        entry.attempts = Math.max(entry.attempts + 1, failure.headerAttempts());
        entry.state = "received";
        entry.countedAt = time.now();
        entry.replyTo = failure.replyTo().orElse("");
        entry.topic = failure.originTopic();
        entry.key = failure.key();
        schedule.remove(failure.id());
        return new Registration(false, entry.attempts, "received", countedAt(entry));
    }

    private static Optional<Instant> countedAt(Entry entry) {
        return Optional.ofNullable(entry.countedAt).map(Instant::ofEpochMilli);
    }

    @Override
    public synchronized void schedule(List<Scheduled> retries, Duration ttl) {
        retries.forEach(retry -> schedule(retry.id(), retry.delay(), retry.record()));
    }

    private void schedule(String id, Duration delay, String record) {
        Entry entry = entries.get(id);
        entry.state = "scheduled";
        entry.record = record;
        entry.dueAt = time.now() + delay.toMillis();
        entry.sendFailures = 0;
        entry.claimedBy = null;
        entry.attemptClaimedAt = null;
        schedule.put(id, entry.dueAt);
    }

    @Override
    public synchronized List<Due> dueWithin(Duration horizon, int limit) {
        return schedule.entrySet().stream().filter(e -> e.getValue() <= time.now() + horizon.toMillis())
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(limit)
                .map(e -> new Due(e.getKey(), Duration.ofMillis(e.getValue() - time.now()))).toList();
    }

    @Override
    public synchronized List<Claim> claim(List<String> ids, Duration lease, String owner) {
        List<Claim> claims = new ArrayList<>();
        for (String id : ids) {
            Long due = schedule.get(id);
            Entry entry = entries.get(id);
            if (due == null) {
                claims.add(entry == null ? new Claim.Lost(id) : new Claim.Done(id));
            } else if (entry == null) {
                schedule.remove(id);
                claims.add(new Claim.Lost(id));
            } else if (due > time.now()) {
                claims.add(new Claim.NotDue(id, Duration.ofMillis(due - time.now())));
            } else {
                schedule.put(id, time.now() + lease.toMillis());
                entry.state = "claimed";
                entry.claimedBy = owner;
                Optional<Instant> before = Optional.ofNullable(entry.attemptClaimedAt).map(Instant::ofEpochMilli);
                if (entry.attemptClaimedAt == null) {
                    entry.attemptClaimedAt = time.now();
                }
                claims.add(new Claim.Claimed(id, entry.record, entry.attempts, Duration.ofMillis(time.now() - entry.dueAt),
                        entry.replyTo, entry.topic, entry.key, before));
            }
        }
        return claims;
    }

    @Override
    public synchronized List<Boolean> redelivered(List<Attempt> sent, String owner) {
        return sent.stream().map(attempt -> redelivered(attempt.id(), attempt.attempts(), owner)).toList();
    }

    @Override
    public synchronized boolean redelivered(String id, int attempts, String owner) {
        Entry entry = heldBy(id, attempts, owner);
        if (entry == null) {
            return false;
        }
        schedule.remove(id);
        entry.state = "redelivered";
        return true;
    }

    @Override
    public synchronized OptionalInt sendFailed(String id, int attempts, String owner) {
        Entry entry = heldBy(id, attempts, owner);
        return entry == null ? OptionalInt.empty() : OptionalInt.of(++entry.sendFailures);
    }

    @Override
    public synchronized boolean release(String id, int attempts, String owner, Duration delay, Duration ttl) {
        Entry entry = heldBy(id, attempts, owner);
        if (entry == null) {
            return false;
        }
        entry.state = "scheduled";
        entry.claimedBy = null;
        entry.dueAt = time.now() + delay.toMillis();
        schedule.put(id, entry.dueAt);
        return true;
    }

    @Override
    public synchronized void deadLettered(List<GivenUp> letters, Duration ttl) {
        for (GivenUp letter : letters) {
            Entry entry = entries.get(letter.id());
            schedule.remove(letter.id());
            entry.state = "dead-lettered";
            entry.record = null;
            entry.dlqReason = letter.reason();
        }
    }

    synchronized String stateOf(String id) {
        return entries.get(id).state;
    }

    private Entry heldBy(String id, int attempts, String owner) {
        Entry entry = entries.get(id);
        boolean held = entry != null && "claimed".equals(entry.state) && entry.attempts == attempts && owner.equals(entry.claimedBy);
        return held ? entry : null;
    }
}
