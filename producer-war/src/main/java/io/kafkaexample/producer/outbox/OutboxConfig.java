package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.config.ConfigValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the outbox relay runs; checked when the relay starts, with the application. */
@Dependent
public class OutboxConfig {

    private final Duration pollInterval;

    @Inject
    public OutboxConfig(@ConfigProperty(name = "outbox.poll-interval") String pollInterval) {
        this.pollInterval = ConfigValues.positiveDuration("outbox.poll-interval", pollInterval);
    }

    /** How often the relay looks at the outbox besides the wake-ups of every write (OUTBOX_POLL_INTERVAL). */
    public Duration pollInterval() {
        return pollInterval;
    }
}
