package io.kafkaexample.retry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.kafkaexample.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** retry-war is packaged by feature: no package depends on itself through others, and the engine and its policy stay pure. */
class ArchitectureTest {

    private static final String ROOT = "io.kafkaexample.retry";

    @Test
    void featurePackagesHaveNoCycles() {
        PackageRules.assertFeaturesFreeOfCycles(ROOT);
    }

    @Test
    void theEngineAndThePolicyArePlainJava() {
        noClasses().that().resideInAnyPackage(ROOT + ".engine..", ROOT + ".policy..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.microprofile..",
                        "org.apache.kafka..", "redis.clients..", "io.opentelemetry..", "io.kafkaexample.common.tracing..",
                        ROOT + ".store..", ROOT + ".redelivery..", ROOT + ".intake..", ROOT + ".deadletter..", ROOT + ".message..",
                        ROOT + ".monitoring..", ROOT + ".config..")
                .because("the retry rules are tested and reasoned about without a server, a broker, Redis or a tracer, and reach them only"
                        + " through ports; tracing belongs to the adapters")
                .check(PackageRules.mainClassesOf(ROOT));
    }
}
