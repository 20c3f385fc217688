package io.kafkaexample.retry.redelivery;

import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Landed;
import io.kafkaexample.retry.message.CopyFinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds redeliveries on their reply topic by their {@code retry-id} and {@code retry-attempts} headers. */
@ApplicationScoped
public class RedeliveredCopies implements Landed {

    @Inject
    CopyFinder finder;

    @Override
    public Set<String> on(String topic, List<Claim.Claimed> claims, Instant since) {
        return finder.findAttempts(topic, since, claims.stream().collect(Collectors.toMap(Claim.Claimed::id, Claim.Claimed::attempts, Math::max)));
    }
}
