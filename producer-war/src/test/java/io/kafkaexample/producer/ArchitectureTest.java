package io.kafkaexample.producer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature holds only while no two features need each other. */
class ArchitectureTest {

    private static final JavaClasses PRODUCER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kafkaexample.producer");

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.kafkaexample.producer.(*)..").should().beFreeOfCycles().check(PRODUCER);
    }
}
