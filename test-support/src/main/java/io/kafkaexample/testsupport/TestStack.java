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

    /**
     * {@code url} (one of the URLs above) for instance {@code instance} of its service: ./stack puts instance k
     * on the first instance's port + 10 (k - 1) (`./stack up retry-2`).
     */
    public static String instanceUrl(String url, int instance) {
        var uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 10 * (instance - 1)) + uri.getRawPath();
    }

    /** The trace viewer (Zipkin): its UI under /zipkin/, its API under /api/v2. */
    public static String zipkinUrl() {
        return property("it.zipkin.url");
    }

    public static String kafkaBootstrap() {
        return property("it.kafka.bootstrap");
    }

    public static String redisUrl() {
        return property("it.redis.url");
    }

    /** The test stack's Redis Cluster (`./stack up cluster`), where the script tests run a second time. */
    public static String redisClusterUrl() {
        return property("it.redis.cluster.url");
    }

    /** The file that lists the contract's topics, one per line. */
    public static String topicsFile() {
        return property("it.topics.file");
    }

    /** The repository root, where {@code ./stack} lives. */
    public static java.nio.file.Path repoRoot() {
        return java.nio.file.Path.of(property("it.repo.root"));
    }

    /** Runs {@code ./stack <args>} on the test stack (a test that stops and starts a part of it); what it printed. */
    public static String stack(String... args) {
        var command = new java.util.ArrayList<String>(java.util.List.of("./stack"));
        command.addAll(java.util.List.of(args));
        try {
            var process = new ProcessBuilder(command).directory(repoRoot().toFile()).redirectErrorStream(true);
            process.environment().put("STACK_PROFILE", "it");
            Process running = process.start();
            String output = new String(running.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (running.waitFor() != 0) {
                throw new IllegalStateException("./stack " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
