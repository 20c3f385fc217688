package io.kafkaexample.common.health;

import io.kafkaexample.common.batch.Batcher;
import io.kafkaexample.common.batch.Batchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an incoming channel's oldest unacknowledged message is older than
 * {@code ingest.max-unacked-age}: a message never acknowledged holds its partition's commits back, so an
 * instance in that state is taken out of rotation; the age of each channel's oldest shows which it is. UP in a
 * service without incoming channels.
 */
@Readiness
@ApplicationScoped
public class UnackedAge implements HealthCheck {

    @Inject
    Batchers batchers;

    @Override
    public HealthCheckResponse call() {
        Duration max = batchers.settings().maxUnackedAge();
        boolean up = true;
        var builder = HealthCheckResponse.named("unacked-age").withData("max-ms", max.toMillis());
        for (Batcher<?> batcher : batchers.all()) {
            OptionalLong age = batcher.oldestAgeNanos();
            long millis = age.isPresent() ? age.getAsLong() / 1_000_000 : 0;
            builder.withData(batcher.channel() + "-oldest-ms", millis);
            up &= millis <= max.toMillis();
        }
        return builder.status(up).build();
    }
}
