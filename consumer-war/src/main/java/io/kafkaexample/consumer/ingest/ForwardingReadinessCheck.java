package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.health.HeldRecords;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a failed record could not be handed to the retry service (it waits, unacknowledged). */
@Readiness
@ApplicationScoped
public class ForwardingReadinessCheck extends HeldRecords {

    public ForwardingReadinessCheck() {
        super("retry-hand-off");
    }
}
