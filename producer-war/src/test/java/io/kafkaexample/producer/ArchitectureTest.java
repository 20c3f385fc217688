package io.kafkaexample.producer;

import io.kafkaexample.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        PackageRules.assertFeaturesFreeOfCycles("io.kafkaexample.producer");
    }
}
