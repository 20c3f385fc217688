package io.kafkaexample.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules every service follows: packaged by feature, and package by feature holds only while
 * no two features need each other. Each service's {@code ArchitectureTest} applies them to its classes.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /** The main classes (not the tests) of the service under {@code rootPackage}. */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /** Fails, naming each cycle, if a feature package below {@code rootPackage} reaches itself through others. */
    public static void assertFeaturesFreeOfCycles(String rootPackage) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(mainClassesOf(rootPackage));
    }
}
