package io.kafkaexample.consumer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CONSUMER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kafkaexample.consumer");

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.kafkaexample.consumer.(*)..").should().beFreeOfCycles().check(CONSUMER);
    }
}
