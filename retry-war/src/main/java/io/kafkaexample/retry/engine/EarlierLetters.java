package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What reading the dead-letter queue back found for the letters of messages taken in before without being
 * settled: an earlier intake may have sent their letter and not lived to record it, or been told the send failed
 * when the broker appended it after all. One read for the batch, from the earliest of their counts.
 */
final class EarlierLetters {

    private static final Logger LOG = Logger.getLogger(EarlierLetters.class.getName());

    private final List<DeadLetters.Letter> landed;
    private final Set<String> unknown;
    private final Optional<Exception> unreadable;

    private EarlierLetters(List<DeadLetters.Letter> landed, Set<String> unknown, Optional<Exception> unreadable) {
        this.landed = landed;
        this.unknown = unknown;
        this.unreadable = unreadable;
    }

    static EarlierLetters check(DeadLetters queue, List<DeadLetters.Letter> letters, Map<String, Instant> countedBefore) {
        List<DeadLetters.Letter> again = letters.stream().filter(l -> countedBefore.containsKey(l.id())).toList();
        if (again.isEmpty()) {
            return new EarlierLetters(List.of(), Set.of(), Optional.empty());
        }
        Instant since = again.stream().map(l -> countedBefore.get(l.id())).min(Comparator.naturalOrder()).orElseThrow();
        try {
            Set<String> found = queue.landed(again, since);
            List<DeadLetters.Letter> landed = again.stream().filter(l -> found.contains(l.id())).toList();
            if (!landed.isEmpty()) {
                LOG.info(() -> landed.size() + " dead letter(s) found on the queue already, recorded and not sent again: retry "
                        + landed.get(0).id() + (landed.size() > 1 ? " .. " + landed.get(landed.size() - 1).id() : ""));
            }
            return new EarlierLetters(landed, Set.of(), Optional.empty());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new EarlierLetters(List.of(), again.stream().map(DeadLetters.Letter::id).collect(Collectors.toSet()),
                    Optional.of(new IllegalStateException(again.size() + " letter(s) may be on the dead-letter queue already, and it "
                            + "could not be read back: " + Redelivery.describe(e))));
        }
    }

    /** The letters found on the queue: to be recorded, not sent. */
    List<DeadLetters.Letter> landed() {
        return landed;
    }

    /** Whether the letter is to be sent: neither found on the queue nor of unknown fate. */
    boolean toSend(DeadLetters.Letter letter) {
        return !unknown.contains(letter.id()) && landed.stream().noneMatch(l -> l.id().equals(letter.id()));
    }

    /** Why some letters were held back, if they were: the batch is taken in again. */
    Optional<Exception> unreadable() {
        return unreadable;
    }
}
