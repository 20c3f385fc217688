package io.kafkaexample.retry.redelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.retry.intake.FailureIntake;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.store.RetryBacklog;
import io.kafkaexample.retry.store.RetryStore;
import io.kafkaexample.retry.store.StoredRecord;
import io.kafkaexample.testsupport.KafkaProbe;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler inside a real Liberty server (Arquillian's own), with the real ManagedScheduledExecutorService,
 * the test stack's Kafka and a Redis database of its own: due retries are redelivered on time and never early,
 * an entry a dead instance had claimed is taken over once its lease runs out, and a broker that stalls for longer
 * than the lease during a redelivery still gets it once.
 */
@ExtendWith(ArquillianExtension.class)
public class RetrySchedulerArquillianIT {

    private static final String OUT = "retry-arquillian-out";
    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration LEASE = Duration.ofSeconds(6);

    @Deployment
    public static WebArchive deployment() {
        // runs on the client side, before the server starts the application: the topics must exist by then
        KafkaProbe.ensureTopic("retry-arquillian-side", 1);
        KafkaProbe.ensureTopic(OUT, 1);
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/retry-war.war"))
                .addClass(RetrySchedulerArquillianIT.class);
    }

    @Inject
    FailureIntake intake;

    @Inject
    RetryStore store;

    @Inject
    RetryBacklog backlog;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    @ConfigProperty(name = "test.broker.pid-file")
    String brokerPidFile;

    @Test
    void dueRetriesAreRedeliveredOnTimeAndNeverEarly() throws Exception {
        try (var out = consumerAtEnd()) {
            Map<String, Instant> dueAt = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                FailedMessage message = failed("on-time-" + i + "-" + UUID.randomUUID(), i);
                // Redis keeps due times in milliseconds
                Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                intake.accept(List.of(message));
                dueAt.put(message.keyText(), backlog.pending(1000).stream().filter(p -> p.id().equals(message.id())).findFirst()
                        .orElseThrow(() -> new AssertionError("not scheduled: " + message.keyText())).dueAt());
                assertTrue(!dueAt.get(message.keyText()).isBefore(before.plus(INITIAL)), "due too soon: " + dueAt.get(message.keyText()));
                Thread.sleep(100);
            }
            Map<String, ConsumerRecord<String, String>> redelivered = read(out, dueAt.keySet(), Duration.ofSeconds(20));
            for (var entry : dueAt.entrySet()) {
                ConsumerRecord<String, String> record = redelivered.get(entry.getKey());
                long lateMillis = record.timestamp() - entry.getValue().toEpochMilli();
                assertTrue(lateMillis >= 0, entry.getKey() + " redelivered " + -lateMillis + " ms early");
                assertTrue(lateMillis < 1000, entry.getKey() + " redelivered " + lateMillis + " ms late");
                assertEquals(1, RetryHeaders.attempts(record.headers()));
            }
        }
    }

    @Test
    void anEntryClaimedByAnInstanceThatDiedIsTakenOverWhenItsLeaseEnds() throws Exception {
        try (var out = consumerAtEnd()) {
            FailedMessage orphan = failed("orphan-" + UUID.randomUUID(), 0);
            FailedMessage unclaimed = failed("unclaimed-" + UUID.randomUUID(), 1);
            Instant now = Instant.now();
            // written as another instance would have, with no job in this one: as after a crash
            for (FailedMessage message : List.of(orphan, unclaimed)) {
                store.register(FailureIntake.failureOf(message), Duration.ofMinutes(5));
                store.schedule(message.id(), Duration.ZERO, StoredRecord.of(message).toJson(), Duration.ofMinutes(5));
            }
            var claim = store.claim(List.of(orphan.id()), LEASE, "dead-instance").get(0);
            assertTrue(claim instanceof Claim.Claimed, claim.toString());
            Instant leaseEnd = now.plus(LEASE);

            Map<String, ConsumerRecord<String, String>> redelivered = read(out, java.util.Set.of(orphan.keyText(), unclaimed.keyText()), Duration.ofSeconds(20));

            assertTrue(redelivered.get(unclaimed.keyText()).timestamp() < leaseEnd.toEpochMilli(), "the unclaimed entry waited for no lease");
            long afterLease = redelivered.get(orphan.keyText()).timestamp() - leaseEnd.toEpochMilli();
            assertTrue(afterLease >= 0, "taken over " + -afterLease + " ms before the dead instance's lease ended");
            assertTrue(afterLease < 3000, "taken over only " + afterLease + " ms after the lease ended");
        }
    }

    @Test
    void aBrokerThatStallsLongerThanTheLeaseDuringARedeliveryGetsItOnce() throws Exception {
        String pid = java.nio.file.Files.readString(java.nio.file.Path.of(brokerPidFile)).trim();
        try (var out = consumerAtEnd()) {
            FailedMessage message = failed("stalled-" + UUID.randomUUID(), 20);
            intake.accept(List.of(message));
            // frozen before the redelivery is due (2 s) and for longer than the lease (6 s): the send times out after
            // 2 s, the request may still be appended when the broker wakes up, and the retry is claimed again meanwhile
            signal("STOP", pid);
            try {
                Thread.sleep(INITIAL.plus(LEASE).plusSeconds(2).toMillis());
            } finally {
                signal("CONT", pid);
            }
            Map<String, ConsumerRecord<String, String>> redelivered = read(out, java.util.Set.of(message.keyText()), Duration.ofSeconds(40));
            assertEquals(1, RetryHeaders.attempts(redelivered.get(message.keyText()).headers()));
            // a second copy would come within a sweep or two of the first
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                out.poll(Duration.ofMillis(200)).forEach(r -> assertTrue(!message.keyText().equals(r.key()), "redelivered twice: " + r.key()));
            }
            assertTrue(backlog.pending(1000).stream().noneMatch(p -> p.id().equals(message.id())), "settled, off the schedule");
        }
    }

    private static void signal(String signal, String pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).redirectErrorStream(true).start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid + ": " + new String(kill.getInputStream().readAllBytes()));
    }

    /** A failed record as consumer-svc would hand it over, replying to this test's topic. */
    private static FailedMessage failed(String key, int offset) {
        var record = new ConsumerRecord<>("retry-arquillian-side", 0, offset, Utf8.bytes(key), Utf8.bytes("{\"test\":\"" + key + "\"}"));
        RetryHeaders.set(record.headers(), RetryHeaders.ORIGIN_TOPIC, "issued-token");
        RetryHeaders.set(record.headers(), RetryHeaders.REPLY_TO, OUT);
        RetryHeaders.set(record.headers(), RetryHeaders.GROUP, "arquillian");
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, "1");
        RetryHeaders.set(record.headers(), RetryHeaders.RETRYABLE, "true");
        return FailedMessage.from(record);
    }

    private KafkaConsumer<String, String> consumerAtEnd() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(OUT, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        return consumer;
    }

    /** The records of {@code keys} on the topic, failing if one does not come or comes twice. */
    private static Map<String, ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer, java.util.Set<String> keys,
                                                                    Duration timeout) {
        Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (byKey.size() < keys.size() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (keys.contains(r.key())) {
                    assertTrue(byKey.putIfAbsent(r.key(), r) == null, "redelivered twice: " + r.key());
                }
            });
        }
        assertEquals(keys, byKey.keySet(), "not all redelivered within " + timeout);
        return byKey;
    }
}
