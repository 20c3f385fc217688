package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * What a fault scenario's flow got acknowledged, and where each of those events ended: in the read model, in the
 * dead-letter queue, nowhere (lost), or applied or dead-lettered more than once (a duplicate effect).
 */
final class FlowLedger implements AutoCloseable {

    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    /** Direct records acknowledged by Kafka: event id -> user id, for each kind. */
    final Map<String, String> users = new ConcurrentHashMap<>();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, String> ghosts = new ConcurrentHashMap<>();
    final AtomicLong refused = new AtomicLong();
    /** API: user id -> logins acknowledged, and logins attempted (an unanswered one may still have happened). */
    final Map<String, Integer> apiLogins = new ConcurrentHashMap<>();
    final Map<String, Integer> apiAttempts = new ConcurrentHashMap<>();
    final AtomicLong apiRefused = new AtomicLong();

    /** What the dead-letter queue received since the flow started: CloudEvent ids, and event types per key. */
    private final Map<String, Integer> deadEventIds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> deadTypesByKey = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread watcher;

    /** The outcome of every acknowledged event; {@code duplicateKinds}: how many of each kind, with an example id. */
    record Count(long processed, long deadLettered, long lost, long duplicates, String duplicateKinds) {
    }

    FlowLedger(String bootstrap) {
        var consumer = KafkaClients.plainConsumer(bootstrap);
        Map<TopicPartition, Long> start;
        try (Admin admin = KafkaClients.admin(bootstrap)) {
            start = KafkaClients.endOffsets(admin, List.of(Bench.DLQ_TOPIC));
        }
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        watcher = new Thread(() -> {
            try (consumer) {
                while (!stop.get()) {
                    try {
                        consumer.poll(Duration.ofMillis(500)).forEach(r -> deadLetter(r.key(), r.value() == null ? "" : r.value()));
                    } catch (RuntimeException e) {
                        Bench.log("dead-letter watcher: " + e.getMessage());
                        Bench.sleep(Duration.ofSeconds(1));
                    }
                }
            }
        }, "dlq-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    long in() {
        return users.size() + tokens.size() + ghosts.size() + apiLogins.size() + apiLogins.values().stream().mapToLong(Integer::longValue).sum();
    }

    private void deadLetter(String key, String value) {
        Matcher id = EVENT_ID.matcher(value);
        if (id.find()) {
            deadEventIds.merge(id.group(1), 1, Integer::sum);
        }
        Matcher type = EVENT_TYPE.matcher(value);
        if (key != null) {
            deadTypesByKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(type.find() ? type.group(1) : "?");
        }
    }

    /** Whether a dead letter with this key arrived since the ledger started. */
    boolean hasDeadLetter(String key) {
        return deadTypesByKey.containsKey(key);
    }

    private long deadOfType(String key, String type) {
        return deadTypesByKey.getOrDefault(key, List.of()).stream().filter(type::equals).count();
    }

    /** Where every event acknowledged so far ended. */
    Count account() {
        List<String> ids = new ArrayList<>(users.values());
        ids.addAll(apiLogins.keySet());
        Map<String, Integer> seen = Bench.tokensIssued(ids);
        long[] c = new long[4]; // processed, dead, lost, duplicates
        Map<String, List<String>> kinds = new TreeMap<>();
        users.forEach((event, user) -> c[seen.getOrDefault(user, -1) >= 0 ? 0 : deadEventIds.containsKey(event) ? 1 : 2]++);
        tokens.forEach((event, user) -> {
            int n = seen.getOrDefault(user, -1);
            if (n >= 1) {
                c[0]++;
                c[3] += duplicate(kinds, "tokens applied twice", user, n - 1);
            } else {
                c[deadEventIds.containsKey(event) ? 1 : 2]++;
            }
        });
        ghosts.keySet().forEach(event -> {
            int letters = deadEventIds.getOrDefault(event, 0);
            c[letters > 0 ? 1 : 2]++;
            c[3] += duplicate(kinds, "ghosts dead-lettered twice", event, letters - 1);
        });
        apiLogins.forEach((id, acked) -> {
            int n = seen.getOrDefault(id, -1);
            c[n >= 0 ? 0 : deadOfType(id, "user.created") > 0 ? 1 : 2]++;
            int applied = Math.max(0, n);
            c[3] += duplicate(kinds, "API logins applied more often than made", id, applied - apiAttempts.getOrDefault(id, acked));
            int missing = acked - Math.min(applied, acked);
            long letters = Math.min(missing, deadOfType(id, "token.issued"));
            c[0] += Math.min(applied, acked);
            c[1] += letters;
            c[2] += missing - letters;
        });
        List<String> described = new ArrayList<>();
        kinds.forEach((kind, examples) -> described.add(examples.size() + " " + kind + " (e.g. " + examples.get(0) + ")"));
        return new Count(c[0], c[1], c[2], c[3], String.join(", ", described));
    }

    /** Counts {@code extra} effects of {@code id} (none if not positive) under {@code kind}; returns how many. */
    private static long duplicate(Map<String, List<String>> kinds, String kind, String id, long extra) {
        if (extra <= 0) {
            return 0;
        }
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
        return extra;
    }

    /** Nothing left to do: consumer-svc and retry-svc have committed everything, and no retry is pending. */
    static boolean quiescent() {
        try (Admin admin = KafkaClients.admin(Bench.kafka())) {
            List<String> consumed = List.of(Bench.USERS_TOPIC, Bench.TOKENS_TOPIC, Bench.REDELIVERY_TOPIC);
            long consumerLag = KafkaClients.behind(KafkaClients.committed(admin, Bench.CONSUMER_GROUP, consumed), KafkaClients.endOffsets(admin, consumed));
            long retryLag = KafkaClients.behind(KafkaClients.committed(admin, Bench.RETRY_GROUP, List.of(Bench.SIDE_TOPIC)),
                    KafkaClients.endOffsets(admin, List.of(Bench.SIDE_TOPIC)));
            JsonObject stats = Http.graphql(Bench.retryUrl() + "/graphql", "{ retryStats { pending } }");
            long pending = stats.getJsonObject("data").getJsonObject("retryStats").getJsonNumber("pending").longValue();
            Bench.log("settling: consumer lag " + consumerLag + ", retry lag " + retryLag + ", retries pending " + pending);
            return consumerLag == 0 && retryLag == 0 && pending == 0;
        } catch (RuntimeException | AssertionError e) { // a retry-svc still starting answers 404, or nothing
            Bench.log("settling: " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        watcher.join(5000);
    }
}
