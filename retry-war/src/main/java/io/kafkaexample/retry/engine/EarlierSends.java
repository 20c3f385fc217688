package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What reading the reply topics back found for the claims of a batch whose attempt was claimed before
 * ({@link Claim.Claimed#claimedBefore()}): landed already, or unknown because the topic could not be read.
 * One read per topic, from the earliest such claim, however many entries it covers.
 */
final class EarlierSends {

    private final Set<String> landed = new HashSet<>();
    private final Map<String, Exception> unreadable = new HashMap<>();

    static EarlierSends check(Landed port, List<Claim.Claimed> claims) {
        EarlierSends found = new EarlierSends();
        Map<String, List<Claim.Claimed>> byTopic = claims.stream().filter(c -> c.claimedBefore().isPresent())
                .collect(Collectors.groupingBy(Claim.Claimed::replyTo));
        byTopic.forEach((topic, earlier) -> {
            Instant since = earlier.stream().map(c -> c.claimedBefore().orElseThrow()).min(Comparator.naturalOrder()).orElseThrow();
            try {
                found.landed.addAll(port.on(topic, earlier, since));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                earlier.forEach(c -> found.unreadable.put(c.id(), new IllegalStateException("an earlier send of attempt " + c.attempts()
                        + " may have landed, and " + topic + " could not be read back: " + Redelivery.describe(e))));
            }
        });
        return found;
    }

    boolean landed(Claim.Claimed claim) {
        return landed.contains(claim.id());
    }

    /** Why it is unknown whether an earlier send of the claim landed, if it is: counted as a failed send. */
    Optional<Exception> unknown(Claim.Claimed claim) {
        return Optional.ofNullable(unreadable.get(claim.id()));
    }
}
