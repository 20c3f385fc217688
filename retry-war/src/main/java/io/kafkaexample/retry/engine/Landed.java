package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The port that reads a reply topic back. A send whose outcome no instance recorded (its instance died after the
 * broker took it, or the producer gave up on a request the broker appended later) may have landed: it is looked
 * for before the same attempt is sent again.
 */
public interface Landed {

    /**
     * The ids of {@code claims}, all for {@code topic}, whose attempt reached it at {@code since} or later; throws if
     * the topic cannot be read.
     */
    Set<String> on(String topic, List<Claim.Claimed> claims, Instant since) throws Exception;
}
