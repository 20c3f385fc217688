package io.kafkaexample.testsupport;

/**
 * Where the test stack started by {@code ./stack up} (STACK_PROFILE=it) listens. Maven passes these
 * as system properties (see the failsafe configuration of the parent pom): one place for the ports.
 */
public final class TestStack {

    private TestStack() {
    }

    public static String producerUrl() {
        return property("it.producer.url");
    }

    public static String consumerUrl() {
        return property("it.consumer.url");
    }

    public static String retryUrl() {
        return property("it.retry.url");
    }

    public static String kafkaBootstrap() {
        return property("it.kafka.bootstrap");
    }

    public static String redisUrl() {
        return property("it.redis.url");
    }

    /** The file that lists the contract's topics, one per line. */
    public static String topicsFile() {
        return property("it.topics.file");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name
                    + " is not set: run the integration tests through Maven (mvn verify), which sets it");
        }
        return value;
    }
}
