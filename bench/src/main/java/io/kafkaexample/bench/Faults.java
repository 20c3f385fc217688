package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.UsersClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The steady flow of a fault scenario and its bookkeeping. bench/faults starts it, disrupts the stack in
 * the middle (kill -9, a restart), and waits for the row it prints:
 * {@code scenario | events in | processed | dead-lettered | lost | duplicates | notes}; exit 1 when anything
 * was lost or applied twice.
 *
 * <p>The flow, for {@code seconds}: R pairs per second written straight to Kafka (user.created, then token.issued
 * for that user; every tenth token names a user that never exists, so it ends in the dead-letter queue), and
 * one sign-up plus login through the producer's GraphQL API every 2 s. "In" is what was acknowledged: by
 * Kafka (the send's RecordMetadata) for the direct records, by the API's answer for sign-ups and logins (the
 * producer's outbox then owes the event). Each acknowledged event must end in the read model (user(id)
 * exists; tokensIssued equals the tokens acknowledged) or in the dead-letter queue (matched by CloudEvent id,
 * or by key and type for the API's events). A token counted twice is a duplicate.
 *
 * <p>{@code Faults flow <scenario> <seconds>} or {@code Faults cluster <bootstrap> <seconds>}
 */
public final class Faults {

    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        Bench.useDevStack();
        boolean ok = switch (args[0]) {
            case "flow" -> flow(args[1], Integer.parseInt(args[2]));
            case "cluster" -> Cluster.run(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: Faults flow <scenario> <seconds> | cluster <bootstrap> <seconds>");
        };
        System.exit(ok ? 0 : 1);
    }

    /** What the dead-letter queue received since the flow started: CloudEvent ids, and event types per key. */
    static final class DeadLetters implements AutoCloseable {
        final Set<String> eventIds = ConcurrentHashMap.newKeySet();
        final Map<String, List<String>> typesByKey = new ConcurrentHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        DeadLetters(String bootstrap) {
            var consumer = Bench.plainConsumer(bootstrap);
            Map<TopicPartition, Long> start;
            try (Admin admin = Bench.admin(bootstrap)) {
                start = Bench.endOffsets(admin, List.of(Bench.DLQ_TOPIC));
            }
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            thread = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        try {
                            for (var r : consumer.poll(Duration.ofMillis(500))) {
                                String value = r.value() == null ? "" : r.value();
                                Matcher id = EVENT_ID.matcher(value);
                                if (id.find()) {
                                    eventIds.add(id.group(1));
                                }
                                Matcher type = EVENT_TYPE.matcher(value);
                                if (r.key() != null) {
                                    typesByKey.computeIfAbsent(r.key(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                            .add(type.find() ? type.group(1) : "?");
                                }
                            }
                        } catch (RuntimeException e) {
                            Bench.log("dead-letter watcher: " + e.getMessage());
                            Bench.sleep(Duration.ofSeconds(1));
                        }
                    }
                }
            }, "dlq-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        long ofType(String key, String type) {
            return typesByKey.getOrDefault(key, List.of()).stream().filter(type::equals).count();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(5000);
        }
    }

    static boolean flow(String scenario, int seconds) throws Exception {
        int rate = Integer.parseInt(Bench.env("BENCH_FAULT_RATE", "20"));
        String run = "f" + UUID.randomUUID().toString().substring(0, 6);
        // direct records: event id -> user id, for each kind
        Map<String, String> users = new ConcurrentHashMap<>();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Map<String, String> ghosts = new ConcurrentHashMap<>();
        AtomicLong refused = new AtomicLong();
        // API: user id -> acknowledged and attempted logins
        Map<String, Integer> apiLogins = new ConcurrentHashMap<>();
        Map<String, Integer> apiAttempts = new ConcurrentHashMap<>();
        AtomicLong apiRefused = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();

        try (DeadLetters dlq = new DeadLetters(Bench.kafka())) {
            Thread api = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    long next = System.nanoTime() + 2_000_000_000L;
                    String name = run + "api" + i++;
                    String id = null;
                    try {
                        id = UsersClient.signUp(name);
                        apiLogins.put(id, 0);
                        apiAttempts.put(id, 1);
                        UsersClient.login(name, UsersClient.PASSWORD);
                        apiLogins.merge(id, 1, Integer::sum);
                    } catch (Throwable e) {
                        apiRefused.incrementAndGet();
                    }
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Bench.sleep(Duration.ofNanos(wait));
                    }
                }
            }, "api-flow");
            api.start();

            long start = System.nanoTime();
            long period = 1_000_000_000L / rate;
            try (KafkaProducer<String, String> producer = Bench.flowProducer(Bench.kafka())) {
                for (int i = 0; System.nanoTime() - start < seconds * 1_000_000_000L; i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        Bench.sleep(Duration.ofNanos(wait));
                    }
                    Instant now = Instant.now();
                    if (i % 10 == 9) {
                        String ghost = run + "-ghost-" + i;
                        String tokenId = Events.newId();
                        send(producer, Bench.TOKENS_TOPIC, ghost, Events.tokenIssued(tokenId, ghost, "ghost", now), ghosts, tokenId, refused);
                    } else {
                        String user = run + "-u-" + i;
                        String userEvent = Events.newId();
                        String tokenEvent = Events.newId();
                        send(producer, Bench.USERS_TOPIC, user, Events.userCreated(userEvent, user, user), users, userEvent, refused);
                        send(producer, Bench.TOKENS_TOPIC, user, Events.tokenIssued(tokenEvent, user, user, now), tokens, tokenEvent, refused);
                    }
                    if (i % (rate * 10) == 0) {
                        Bench.log(scenario + ": " + (users.size() + tokens.size() + ghosts.size()) + " records acknowledged, "
                                + refused.get() + " refused; API users " + apiLogins.size());
                    }
                }
                producer.flush();
            }
            stop.set(true);
            api.join(60_000);
            Bench.log(scenario + ": flow over; waiting until every acknowledged event is accounted for");

            long settle = System.nanoTime() + Duration.ofSeconds(Long.parseLong(Bench.env("BENCH_FAULT_SETTLE", "300"))).toNanos();
            long[] count = {0, 0, -1, -1};
            while (true) {
                try {
                    count = account(users, tokens, ghosts, apiLogins, apiAttempts, dlq);
                } catch (Throwable e) { // a service still restarting: ask again
                    Bench.log("settling: " + e.getMessage());
                }
                boolean quiet = count[2] == 0 && quiescent();
                if (quiet || System.nanoTime() > settle) {
                    break;
                }
                Bench.sleep(Duration.ofSeconds(5));
            }
            long in = users.size() + tokens.size() + ghosts.size() + apiLogins.size()
                    + apiLogins.values().stream().mapToLong(Integer::longValue).sum();
            Bench.row(scenario, in, count[0], count[1], count[2], count[3],
                    "direct: " + users.size() + " user.created, " + tokens.size() + " token.issued, " + ghosts.size()
                            + " for unknown users (" + refused.get() + " not acknowledged); API: " + apiLogins.size()
                            + " sign-ups, " + apiLogins.values().stream().mapToInt(Integer::intValue).sum() + " logins ("
                            + apiRefused.get() + " refused)");
            return count[2] == 0 && count[3] == 0;
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value,
            Map<String, String> acked, String eventId, AtomicLong refused) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (m, e) -> {
                if (e == null) {
                    acked.put(eventId, key);
                } else {
                    refused.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            refused.incrementAndGet();
        }
    }

    /** {processed, dead-lettered, lost, duplicates} of everything acknowledged so far. */
    static long[] account(Map<String, String> users, Map<String, String> tokens, Map<String, String> ghosts,
            Map<String, Integer> apiLogins, Map<String, Integer> apiAttempts, DeadLetters dlq) {
        List<String> ids = new ArrayList<>(users.values());
        ids.addAll(apiLogins.keySet());
        Map<String, Integer> seen = Bench.tokensIssued(ids);
        long processed = 0;
        long dead = 0;
        long lost = 0;
        long duplicates = 0;
        for (var e : users.entrySet()) {
            if (seen.getOrDefault(e.getValue(), -1) >= 0) {
                processed++;
            } else if (dlq.eventIds.contains(e.getKey())) {
                dead++;
            } else {
                lost++;
            }
        }
        for (var e : tokens.entrySet()) {
            int n = seen.getOrDefault(e.getValue(), -1);
            if (n == 1) {
                processed++;
            } else if (n > 1) {
                processed++;
                duplicates += n - 1;
            } else if (dlq.eventIds.contains(e.getKey())) {
                dead++;
            } else {
                lost++;
            }
        }
        for (String eventId : ghosts.keySet()) {
            if (dlq.eventIds.contains(eventId)) {
                dead++;
            } else {
                lost++;
            }
        }
        for (var e : apiLogins.entrySet()) {
            String id = e.getKey();
            int n = seen.getOrDefault(id, -1);
            if (n >= 0) {
                processed++;
            } else if (dlq.ofType(id, "user.created") > 0) {
                dead++;
            } else {
                lost++;
            }
            int acked = e.getValue();
            int attempted = apiAttempts.getOrDefault(id, acked);
            int applied = Math.max(0, n);
            duplicates += Math.max(0, applied - attempted);
            int missing = acked - Math.min(applied, acked);
            long letters = Math.min(missing, dlq.ofType(id, "token.issued"));
            processed += Math.min(applied, acked);
            dead += letters;
            lost += missing - letters;
        }
        return new long[] {processed, dead, lost, duplicates};
    }

    /** Nothing left to do: consumer-svc and retry-svc have committed everything, and no retry is pending. */
    static boolean quiescent() {
        try (Admin admin = Bench.admin(Bench.kafka())) {
            List<String> consumed = List.of(Bench.USERS_TOPIC, Bench.TOKENS_TOPIC, Bench.REDELIVERY_TOPIC);
            long consumerLag = Bench.behind(Bench.committed(admin, Bench.CONSUMER_GROUP, consumed), Bench.endOffsets(admin, consumed));
            long retryLag = Bench.behind(Bench.committed(admin, Bench.RETRY_GROUP, List.of(Bench.SIDE_TOPIC)),
                    Bench.endOffsets(admin, List.of(Bench.SIDE_TOPIC)));
            JsonObject stats = Http.graphql(Bench.retryUrl() + "/graphql", "{ retryStats { pending } }");
            long pending = stats.getJsonObject("data").getJsonObject("retryStats").getJsonNumber("pending").longValue();
            Bench.log("settling: consumer lag " + consumerLag + ", retry lag " + retryLag + ", retries pending " + pending);
            return consumerLag == 0 && retryLag == 0 && pending == 0;
        } catch (RuntimeException e) {
            Bench.log("settling: " + e.getMessage());
            return false;
        }
    }
}
