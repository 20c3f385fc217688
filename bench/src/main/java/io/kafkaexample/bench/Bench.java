package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every driver shares: where the stack is (the ports of {@code ./stack up}, moved by the profile's
 * STACK_PORT_OFFSET that bench/lib.sh exports; overridable with BENCH_* environment variables), ./stack
 * itself, and the Markdown rows each main prints on stdout (logs go to stderr). Kafka's clients and offsets
 * are in {@link KafkaClients}.
 */
final class Bench {

    static final String USERS_TOPIC = "new-user-created";
    static final String TOKENS_TOPIC = "issued-token";
    static final String SIDE_TOPIC = "side-topic-for-retry";
    static final String REDELIVERY_TOPIC = "consumer-svc-redelivery";
    static final String DLQ_TOPIC = "dead-letter-queue";
    static final String CONSUMER_GROUP = "consumer-svc";
    static final String RETRY_GROUP = "retry-svc";
    static final int PARTITIONS = 8;

    private Bench() {
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int offset() {
        return Integer.parseInt(env("STACK_PORT_OFFSET", "0"));
    }

    /** The one Redis of the dev stack (the drivers that talk to Redis run against a single node). */
    static String redisUrl() {
        return env("REDIS_URL", "redis://localhost:6379/0");
    }

    static String kafka() {
        return env("BENCH_KAFKA", "localhost:" + (9092 + offset()));
    }

    static String producerUrl() {
        return producerUrl(1);
    }

    /** Producer instance {@code k} (./stack's STACK_REPLICAS: the service's port + 10 (k - 1)). */
    static String producerUrl(int instance) {
        return "http://localhost:" + (9001 + offset() + 10 * (instance - 1)) + "/producer-svc";
    }

    static String consumerUrl() {
        return "http://localhost:" + (9000 + offset());
    }

    static String retryUrl() {
        return "http://localhost:" + (9002 + offset()) + "/retry-svc";
    }

    /** The repository root (bench/run passes it), where {@code ./stack} lives. */
    static Path root() {
        return Path.of(env("BENCH_ROOT", "."));
    }

    /** test-support's clients (UsersClient, KafkaProbe, TopicWatcher) read the stack's place from these. */
    static void useDevStack() {
        System.setProperty("it.producer.url", producerUrl());
        System.setProperty("it.consumer.url", consumerUrl());
        System.setProperty("it.retry.url", retryUrl());
        System.setProperty("it.kafka.bootstrap", kafka());
        System.setProperty("it.repo.root", root().toString());
    }

    static void log(String message) {
        System.err.println("[" + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    /** One Markdown table row on stdout: bench/run collects these into bench/RESULTS.md. */
    static void row(Object... cells) {
        System.out.println(Table.row(cells));
        System.out.flush();
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    /** tokensIssued per user id from the consumer's read model, -1 where it has no such user; 100 ids per query. */
    static Map<String, Integer> tokensIssued(Collection<String> userIds) {
        Map<String, Integer> result = new HashMap<>();
        List<String> ids = new ArrayList<>(userIds);
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            StringBuilder query = new StringBuilder("{");
            for (int i = 0; i < chunk.size(); i++) {
                query.append(" u").append(i).append(": user(id: \"").append(chunk.get(i)).append("\") { tokensIssued }");
            }
            JsonObject response = Http.graphql(consumerUrl() + "/graphql", query.append(" }").toString());
            if (response.containsKey("errors") && !response.isNull("errors")) {
                throw new IllegalStateException("the read model answered errors: " + response);
            }
            JsonObject data = response.getJsonObject("data");
            for (int i = 0; i < chunk.size(); i++) {
                JsonValue user = data.get("u" + i);
                result.put(chunk.get(i), user == null || user.getValueType() == JsonValue.ValueType.NULL ? -1
                        : user.asJsonObject().getInt("tokensIssued"));
            }
        }
        return result;
    }

    static boolean ready(String serverUrl) {
        try {
            return Http.get(serverUrl + "/health/ready").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String serverOf(String url) {
        var uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    // ---- processes -------------------------------------------------------------------------------

    /** Runs {@code ./stack <args>} of STACK_PROFILE's stack (the environment, RETRY_* included, is inherited). */
    static Process stackAsync(String... args) {
        List<String> command = new ArrayList<>(List.of(root().resolve("stack").toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).directory(root().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stackLog()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stack(String... args) {
        try {
            Process process = stackAsync(args);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("./stack " + String.join(" ", args) + " failed: see " + stackLog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.io.File stackLog() {
        Path log = root().resolve(".stack/bench/stack.log");
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.toFile();
    }

    /** The pid ./stack recorded for a part of STACK_PROFILE's stack, or -1. */
    static long pidOf(String part) {
        Path file = root().resolve(".stack/" + env("STACK_PROFILE", "dev") + "/pids/" + part + ".pid");
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
