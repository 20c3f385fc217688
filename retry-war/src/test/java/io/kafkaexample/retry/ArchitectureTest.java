package io.kafkaexample.retry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** retry-war is packaged by feature: no package depends on itself through others, and the policy stays pure. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kafkaexample.retry");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.kafkaexample.retry.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void thePolicyIsPlainJava() {
        noClasses().that().resideInAPackage("io.kafkaexample.retry.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.microprofile..",
                        "org.apache.kafka..", "redis.clients..")
                .because("the retry rules are tested and reasoned about without a server, a broker or Redis")
                .check(CLASSES);
    }
}
