package io.kafkaexample.retry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.kafkaexample.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** retry-war is packaged by feature: no package depends on itself through others, and the policy stays pure. */
class ArchitectureTest {

    private static final String ROOT = "io.kafkaexample.retry";

    @Test
    void featurePackagesHaveNoCycles() {
        PackageRules.assertFeaturesFreeOfCycles(ROOT);
    }

    @Test
    void thePolicyIsPlainJava() {
        noClasses().that().resideInAPackage(ROOT + ".policy..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.microprofile..",
                        "org.apache.kafka..", "redis.clients..")
                .because("the retry rules are tested and reasoned about without a server, a broker or Redis")
                .check(PackageRules.mainClassesOf(ROOT));
    }
}
