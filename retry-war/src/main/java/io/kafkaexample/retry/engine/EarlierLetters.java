package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Dead letters published at most once. A letter can land without its instance recording it (killed after the
 * broker took it, or told the send failed when the broker appended it after all), so the letter of a message that
 * may have been given up before is first looked for on the queue. Used by the intake and by a give-up after failed
 * sends alike.
 */
final class EarlierLetters {

    private static final Logger LOG = Logger.getLogger(EarlierLetters.class.getName());

    private EarlierLetters() {
    }

    /**
     * Publishes {@code letters}; one whose id is in {@code sentSince} (the earliest time a letter of it may have been
     * sent) is first looked for on the queue, one read for all of them. Found, it counts as taken and is not sent
     * again; while the queue cannot be read, it is held back and the answer's failure says why. A letter given up for
     * the first time is sent without any read.
     */
    static DeadLetters.Published publish(DeadLetters queue, List<DeadLetters.Letter> letters, Map<String, Instant> sentSince) {
        List<DeadLetters.Letter> again = letters.stream().filter(l -> sentSince.containsKey(l.id())).toList();
        List<DeadLetters.Letter> landed = List.of();
        Optional<Exception> unreadable = Optional.empty();
        if (!again.isEmpty()) {
            Instant since = again.stream().map(l -> sentSince.get(l.id())).min(Comparator.naturalOrder()).orElseThrow();
            try {
                Set<String> found = queue.landed(again, since);
                landed = again.stream().filter(l -> found.contains(l.id())).toList();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                unreadable = Optional.of(new IllegalStateException(again.size() + " letter(s) may be on the dead-letter queue already,"
                        + " and it could not be read back: " + Redelivery.describe(e)));
            }
        }
        if (!landed.isEmpty()) {
            String ids = landed.get(0).id() + (landed.size() > 1 ? " .. " + landed.get(landed.size() - 1).id() : "");
            LOG.info(landed.size() + " dead letter(s) found on the queue already, recorded and not sent again: retry " + ids);
        }
        Set<String> held = (unreadable.isPresent() ? again : landed).stream().map(DeadLetters.Letter::id).collect(Collectors.toSet());
        List<DeadLetters.Letter> unsent = letters.stream().filter(l -> !held.contains(l.id())).toList();
        DeadLetters.Published published = unsent.isEmpty() ? new DeadLetters.Published(List.of(), Optional.empty()) : queue.publish(unsent);
        List<DeadLetters.Letter> taken = new ArrayList<>(landed);
        taken.addAll(published.taken());
        return new DeadLetters.Published(taken, published.failure().isPresent() ? published.failure() : unreadable);
    }
}
