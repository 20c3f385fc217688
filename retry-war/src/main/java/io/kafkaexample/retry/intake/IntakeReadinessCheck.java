package io.kafkaexample.retry.intake;

import io.kafkaexample.common.health.HeldRecords;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a side-topic record cannot be made durable (Redis or the dead-letter queue unreachable). */
@Readiness
@ApplicationScoped
public class IntakeReadinessCheck extends HeldRecords {

    public IntakeReadinessCheck() {
        super("retry-intake");
    }
}
