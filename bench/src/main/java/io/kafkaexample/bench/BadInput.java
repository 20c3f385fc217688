package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.UsersClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The bad-input corpus against every entry point. Kafka: malformed, wrong-type, invalid, mis-keyed, empty, null,
 * binary, near-limit and over-limit records on every topic a service reads; each must end in the dead-letter
 * queue (matched by its unique key) or be refused by Kafka with a clear error. HTTP: GraphQL with syntax errors,
 * wrong types, wrong variables, deep nesting, huge alias and argument lists, oversized and non-JSON bodies, wrong
 * methods and content types; REST with wrong methods, bodies and paths: each must be answered below 500 and with
 * no stack trace. Afterwards all three services must be ready. Prints one row of the faults table; exit 1 on a failure.
 */
public final class BadInput {

    private BadInput() {
    }

    public static void main(String[] args) throws Exception {
        Bench.useDevStack();
        int settle = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int errors = 0;

        // ---- Kafka -------------------------------------------------------------------------------
        String run = "bad-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, byte[]> corpus = kafkaCorpus();
        List<String> expectLetters = new ArrayList<>();
        try (FlowLedger dlq = new FlowLedger(Bench.kafka()); var producer = bytesProducer()) {
            for (String topic : List.of(Bench.USERS_TOPIC, Bench.TOKENS_TOPIC, Bench.REDELIVERY_TOPIC, Bench.SIDE_TOPIC)) {
                for (var entry : corpus.entrySet()) {
                    String key = run + "-" + topic + "-" + entry.getKey();
                    byte[] value = entry.getKey().equals("key-mismatch") ? misKeyed(topic) : entry.getValue();
                    cases++;
                    Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
                    try {
                        sent.get();
                        expectLetters.add(key);
                    } catch (ExecutionException e) {
                        // refused by Kafka (over the size limit): a clear error to the one who sent it
                        Bench.log("kafka " + topic + " " + entry.getKey() + ": refused: " + e.getCause());
                        errors++;
                    }
                }
            }
            // junk on the dead-letter queue itself: retry-war's reader must still answer
            producer.send(new ProducerRecord<>(Bench.DLQ_TOPIC, (run + "-dlq").getBytes(StandardCharsets.UTF_8),
                    "not a dead letter {".getBytes(StandardCharsets.UTF_8))).get();
            long deadline = System.nanoTime() + Duration.ofSeconds(settle).toNanos();
            while (System.nanoTime() < deadline && !expectLetters.stream().allMatch(dlq::hasDeadLetter)) {
                Bench.sleep(Duration.ofSeconds(2));
            }
            for (String key : expectLetters) {
                if (!dlq.hasDeadLetter(key)) {
                    failures.add("kafka " + key + ": not in the dead-letter queue after " + settle + " s");
                }
            }
        }
        int letters = (int) expectLetters.stream().count() - (int) failures.stream().filter(f -> f.startsWith("kafka")).count();
        cases++;
        var dl = Http.graphql(Bench.retryUrl() + "/graphql", "{ deadLetters(limit: 50) { id key reason } }", UsersClient.adminToken());
        if (dl.containsKey("errors") && !dl.isNull("errors")) {
            failures.add("retry deadLetters after junk on the dead-letter queue: " + dl);
        } else {
            errors++;
        }

        // ---- HTTP --------------------------------------------------------------------------------
        for (HttpCorpus.HttpCase c : HttpCorpus.cases()) {
            cases++;
            String verdict = HttpCorpus.check(c);
            if (verdict == null) {
                errors++;
            } else {
                failures.add(verdict);
            }
        }
        boolean ready = Bench.ready(Bench.serverOf(Bench.producerUrl())) && Bench.ready(Bench.consumerUrl())
                && Bench.ready(Bench.serverOf(Bench.retryUrl()));
        if (!ready) {
            failures.add("not every service is ready afterwards");
        }
        failures.forEach(f -> Bench.log("FAILED " + f));
        Bench.row("bad input (" + corpus.size() + " kinds of record on 4 topics, " + (cases - corpus.size() * 4 - 1)
                + " HTTP requests)", cases, errors, letters, failures.size(), 0, ready ? "ready throughout" : "NOT ready",
                "answered (a clear error, or served where allowed): " + errors + ", dead-lettered: " + letters + "; all three ready afterwards: "
                        + (ready ? "yes" : "NO") + (HttpCorpus.ACCEPTED.isEmpty() ? "" : "; served without an error: "
                        + String.join(", ", HttpCorpus.ACCEPTED)) + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures)));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static KafkaProducer<byte[], byte[]> bytesProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Map<String, byte[]> kafkaCorpus() {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("not-json", utf8("this is not JSON {"));
        corpus.put("not-a-cloudevent", utf8("{\"hello\":\"world\"}"));
        corpus.put("json-array", utf8("[1,2,3]"));
        corpus.put("unknown-type", utf8("{\"specversion\":\"1.0\",\"id\":\"" + Events.newId() + "\",\"source\":\"/bench\","
                + "\"type\":\"user.deleted\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":{}}"));
        corpus.put("invalid-data", utf8("{\"specversion\":\"1.0\",\"id\":\"" + Events.newId() + "\",\"source\":\"/producer-svc\","
                + "\"type\":\"token.issued\",\"time\":\"yesterday\",\"datacontenttype\":\"application/json\",\"data\":{\"userId\":42}}"));
        corpus.put("key-mismatch", new byte[0]); // built per topic: a valid event whose id is not the record key
        corpus.put("empty", new byte[0]);
        corpus.put("null", null);
        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        corpus.put("binary", binary);
        corpus.put("deep-json", utf8("[".repeat(100_000) + "]".repeat(100_000)));
        corpus.put("near-limit-1000000-bytes", utf8("{\"junk\":\"" + "x".repeat(1_000_000 - 12) + "\"}"));
        corpus.put("over-limit-2000000-bytes", utf8("x".repeat(2_000_000)));
        return corpus;
    }

    private static byte[] misKeyed(String topic) {
        String other = Events.newId();
        return utf8(Bench.USERS_TOPIC.equals(topic) ? Events.userCreated(Events.newId(), other, "mis" + other.substring(0, 8))
                : Events.tokenIssued(Events.newId(), other, "mis", Instant.now()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
