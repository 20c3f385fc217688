package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import io.kafkaexample.testsupport.UsersClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The steady flow of a fault scenario and its bookkeeping. bench/faults starts it, disrupts the stack in
 * the middle (kill -9, a restart), and waits for the row it prints:
 * {@code scenario | events in | processed | dead-lettered | lost | duplicates | notes}; exit 1 when anything
 * was lost or applied twice.
 *
 * <p>The flow, for {@code seconds}: BENCH_FAULT_RATE records a second written straight to Kafka (pairs of user.created,
 * then token.issued for that user; every tenth token names a user that never exists, so it ends in the dead-letter
 * queue), and one sign-up plus login every 2 s through the GraphQL API of each of BENCH_PRODUCER_INSTANCES
 * producer instances in turn. "In" is what was acknowledged: by
 * Kafka (the send's RecordMetadata) for the direct records, by the API's answer for sign-ups and logins (the
 * producer's outbox then owes the event). Each acknowledged event must end in the read model (user(id)
 * exists; tokensIssued equals the tokens acknowledged) or in the dead-letter queue (matched by CloudEvent id,
 * or by key and type for the API's events). A token counted twice is a duplicate.
 *
 * <p>{@code Faults flow <scenario> <seconds>}; BENCH_READY_FILE names the file where bench/faults wrote how long the
 * instances took to be ready again, for the row.
 */
public final class Faults {

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        Bench.useDevStack();
        boolean ok = switch (args[0]) {
            case "flow" -> flow(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: Faults flow <scenario> <seconds>");
        };
        System.exit(ok ? 0 : 1);
    }

    static boolean flow(String scenario, int seconds) throws Exception {
        // records a second written straight to Kafka: nine pairs (user.created, token.issued) to one ghost token
        double rate = Double.parseDouble(Bench.env("BENCH_FAULT_RATE", "40"));
        int producers = Integer.parseInt(Bench.env("BENCH_PRODUCER_INSTANCES", "1"));
        String run = "f" + UUID.randomUUID().toString().substring(0, 6);
        AtomicBoolean stop = new AtomicBoolean();
        try (FlowLedger ledger = new FlowLedger(Bench.kafka())) {
            Thread api = new Thread(() -> api(run, producers, ledger, stop), "api-flow");
            api.start();
            long start = System.nanoTime();
            long period = (long) (1.9e9 / rate);
            long sent = 0;
            try (KafkaProducer<String, String> producer = KafkaClients.flowProducer(Bench.kafka())) {
                for (int i = 0; System.nanoTime() - start < seconds * 1_000_000_000L; i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        Bench.sleep(Duration.ofNanos(wait));
                    }
                    Instant now = Instant.now();
                    if (i % 10 == 9) {
                        String ghost = run + "-ghost-" + i;
                        String tokenId = Events.newId();
                        send(producer, Bench.TOKENS_TOPIC, ghost, Events.tokenIssued(tokenId, ghost, "ghost", now), ledger.ghosts, tokenId, ledger);
                        sent++;
                    } else {
                        String user = run + "-u-" + i;
                        String userEvent = Events.newId();
                        String tokenEvent = Events.newId();
                        send(producer, Bench.USERS_TOPIC, user, Events.userCreated(userEvent, user, user), ledger.users, userEvent, ledger);
                        send(producer, Bench.TOKENS_TOPIC, user, Events.tokenIssued(tokenEvent, user, user, now), ledger.tokens, tokenEvent, ledger);
                        sent += 2;
                    }
                    if (i % Math.max(1, (int) (rate * 5)) == 0) {
                        Bench.log(scenario + ": " + (ledger.users.size() + ledger.tokens.size() + ledger.ghosts.size()) + " records acknowledged, "
                                + ledger.refused.get() + " refused; API users " + ledger.apiLogins.size());
                    }
                }
                producer.flush();
            }
            stop.set(true);
            api.join(60_000);
            Bench.log(scenario + ": flow over; waiting until every acknowledged event is accounted for");
            FlowLedger.Count count = settle(ledger);
            String ready = Bench.env("BENCH_READY_FILE", "").isEmpty() ? "-" : readyAgain(Bench.env("BENCH_READY_FILE", ""));
            Bench.row(scenario, ledger.in(), count.processed(), count.deadLettered(), count.lost(), count.duplicates(), ready,
                    "direct: " + ledger.users.size() + " user.created, " + ledger.tokens.size() + " token.issued, " + ledger.ghosts.size()
                            + " for unknown users (" + ledger.refused.get() + " not acknowledged), " + Stats.num(sent / (double) seconds)
                            + " records/s sent for " + seconds + " s (asked for " + Stats.num(rate) + "); API through " + producers + " producer instance(s): " + ledger.apiLogins.size() + " sign-ups, "
                            + ledger.apiLogins.values().stream().mapToInt(Integer::intValue).sum() + " logins (" + ledger.apiRefused.get()
                            + " refused)" + (count.duplicateKinds().isEmpty() ? "" : "; duplicates: " + count.duplicateKinds()));
            return count.lost() == 0 && count.duplicates() == 0;
        }
    }

    /** One sign-up and its login every 2 s, through each producer instance in turn. */
    private static void api(String run, int producers, FlowLedger ledger, AtomicBoolean stop) {
        int i = 0;
        while (!stop.get()) {
            long next = System.nanoTime() + 2_000_000_000L;
            String url = Bench.producerUrl(1 + i % producers);
            String name = run + "api" + i++;
            try {
                String id = UsersClient.signUpAt(url, name);
                ledger.apiLogins.put(id, 0);
                ledger.apiAttempts.put(id, 1);
                UsersClient.loginAt(url, name, UsersClient.PASSWORD);
                ledger.apiLogins.merge(id, 1, Integer::sum);
            } catch (Throwable e) {
                if (ledger.apiRefused.incrementAndGet() <= 3) {
                    Bench.log("API sign-up or login at " + url + " refused: " + e);
                }
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Bench.sleep(Duration.ofNanos(wait));
            }
        }
    }

    /** Waits until nothing is left to do, then counts; counts again while something is missing, up to the settle time. */
    private static FlowLedger.Count settle(FlowLedger ledger) {
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(Bench.env("BENCH_FAULT_SETTLE", "300"))).toNanos();
        FlowLedger.Count count = new FlowLedger.Count(0, 0, -1, -1, "");
        while (System.nanoTime() < deadline) {
            if (FlowLedger.quiescent()) {
                try {
                    count = ledger.account();
                    if (count.lost() == 0) {
                        break;
                    }
                    Bench.log("settling: " + count.lost() + " not accounted for yet");
                } catch (Throwable e) { // a service still restarting: ask again
                    Bench.log("settling: " + e.getMessage());
                }
            }
            Bench.sleep(Duration.ofSeconds(5));
        }
        return count;
    }

    /** The disruption's own measurement, which may end after the flow settled: waits for it (bench/faults gives up at 300 s). */
    private static String readyAgain(String file) {
        Path path = Path.of(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(360).toNanos();
        while (!Files.exists(path) && System.nanoTime() < deadline) {
            Bench.sleep(Duration.ofSeconds(1));
        }
        try {
            return Files.readString(path).strip() + " s";
        } catch (IOException e) {
            return "?";
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value,
            Map<String, String> acked, String eventId, FlowLedger ledger) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (m, e) -> {
                if (e == null) {
                    acked.put(eventId, key);
                } else {
                    ledger.refused.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            ledger.refused.incrementAndGet();
        }
    }
}
