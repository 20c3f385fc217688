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
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What every driver shares: where the stack is (the ports of {@code ./stack up}, moved by the profile's
 * STACK_PORT_OFFSET that bench/lib.sh exports; overridable with BENCH_* environment variables), Kafka
 * clients, consumer-group lag, ./stack itself, and the Markdown rows each main prints on stdout (logs go
 * to stderr).
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

    // ---- Kafka -----------------------------------------------------------------------------------

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** A producer for writing backlogs fast: acks=all and idempotent like the services', but large batches. */
    static KafkaProducer<String, String> fastProducer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A producer like the services' own (acks=all, idempotent, linger 5 ms), for steady flows. */
    static KafkaProducer<String, String> flowProducer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // a broker stopped for a while mid-flow: keep trying for 5 minutes before giving up on a record
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A consumer with no group: it reads by assignment and never disturbs the services' groups. */
    static KafkaConsumer<String, String> plainConsumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-" + Long.toHexString(System.nanoTime()));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    static void ensureTopic(Admin admin, String topic, int partitions, short replicas, Map<String, String> configs) {
        io.kafkaexample.testsupport.KafkaProbe.ensureTopic(admin, new NewTopic(topic, partitions, replicas).configs(configs));
    }

    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(admin, topics).forEach(p -> request.put(p, spec));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
            return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list offsets of " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        return offsets(admin, topics, OffsetSpec.latest());
    }

    /** The group's committed offset per partition of {@code topics}; the log start where it has none. */
    static Map<TopicPartition, Long> committed(Admin admin, String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> start = offsets(admin, topics, OffsetSpec.earliest());
            Map<TopicPartition, Long> result = new HashMap<>();
            start.forEach((p, earliest) -> {
                OffsetAndMetadata c = committed.get(p);
                result.put(p, c == null ? earliest : Math.max(c.offset(), earliest));
            });
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How far the group's commits are behind {@code target} (summed over partitions; 0 when it reached them). */
    static long behind(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> target) {
        long behind = 0;
        for (var e : target.entrySet()) {
            behind += Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L));
        }
        return behind;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
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
