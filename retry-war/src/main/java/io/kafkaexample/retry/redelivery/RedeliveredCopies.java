package io.kafkaexample.retry.redelivery;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Landed;
import io.kafkaexample.retry.message.CopyFinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;

/** Finds redeliveries on their reply topic by their {@code retry-id} and {@code retry-attempts} headers. */
@ApplicationScoped
public class RedeliveredCopies implements Landed {

    @Inject
    CopyFinder finder;

    @Override
    public Set<String> on(String topic, List<Claim.Claimed> claims, Instant since) {
        Set<String> wanted = claims.stream().map(c -> tag(c.id(), c.attempts())).collect(Collectors.toSet());
        Set<String> found = finder.find(topic, since, RedeliveredCopies::tagOf, wanted);
        return claims.stream().filter(c -> found.contains(tag(c.id(), c.attempts()))).map(Claim.Claimed::id).collect(Collectors.toSet());
    }

    private static Optional<String> tagOf(Headers headers) {
        return RetryHeaders.get(headers, RetryHeaders.RETRY_ID).map(id -> tag(id, RetryHeaders.attempts(headers)));
    }

    private static String tag(String id, int attempts) {
        return id + "#" + attempts;
    }
}
