package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Retry path: N token.issued records for users that never exist, written evenly over S seconds, so every one
 * fails, goes to side-topic-for-retry, is redelivered max-retries times through consumer-svc-redelivery and
 * ends in the dead-letter queue. Measured from outside, with plain consumers of those topics: per redelivery,
 * its record timestamp minus the due time (the side-topic record's timestamp, when the consumer handed the
 * failure over, plus the backoff for that attempt). retry-war takes the record in a little after that
 * timestamp, so its own due time is later: this lateness is an upper bound, and "early" here is truly early.
 * The intake rate is retry-svc's commits on the side topic (it commits a side record once its retry is stored).
 * Run with RETRY_BACKOFF_JITTER=0 (bench/run does), or every jittered redelivery would look early.
 *
 * <p>{@code RetryLateness <records> <spread-seconds> <initial> <multiplier> <max> <max-retries>}
 */
public final class RetryLateness {

    /** retry-war's own timer of due time to send, over every origin topic. */
    private static final String LATENESS = "retry_redelivery_lateness_seconds";

    private RetryLateness() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        int spread = Integer.parseInt(args[1]);
        Duration initial = Duration.parse(args[2]);
        double multiplier = Double.parseDouble(args[3]);
        Duration max = Duration.parse(args[4]);
        int maxRetries = Integer.parseInt(args[5]);
        Bench.useDevStack();
        String prefix = "late-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long window = 0;
        for (int n = 1; n <= maxRetries; n++) {
            window += delay(n, initial, multiplier, max);
        }
        ServerTimer metricsBefore = ServerTimer.read(Bench.retryUrl(), LATENESS, "");

        Map<String, Long> sideAt = new HashMap<>();
        List<long[]> redeliveries = new ArrayList<>(); // {timestamp, due}
        Set<String> deadLettered = new HashSet<>();
        AtomicLong unmatched = new AtomicLong();
        TreeMap<Long, Integer> perSecond = new TreeMap<>();

        var consumer = KafkaClients.plainConsumer(Bench.kafka());
        Admin admin = KafkaClients.admin(Bench.kafka());
        CommitRate intake = new CommitRate(admin, Bench.RETRY_GROUP, Bench.SIDE_TOPIC);
        try (consumer; admin; intake) {
            var ends = KafkaClients.endOffsets(admin, List.of(Bench.SIDE_TOPIC, Bench.REDELIVERY_TOPIC, Bench.DLQ_TOPIC));
            consumer.assign(ends.keySet());
            ends.forEach(consumer::seek);

            Thread writer = new Thread(() -> write(prefix, records, spread));
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(spread + window / 1000 + 240).toNanos();
            while (deadLettered.size() < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null || !r.key().startsWith(prefix)) {
                        continue;
                    }
                    switch (r.topic()) {
                        case Bench.SIDE_TOPIC -> sideAt.put(r.key() + "#" + attempts(r), r.timestamp());
                        case Bench.REDELIVERY_TOPIC -> {
                            int n = attempts(r);
                            Long failedAt = sideAt.get(r.key() + "#" + n);
                            if (failedAt == null) {
                                unmatched.incrementAndGet();
                            } else {
                                redeliveries.add(new long[] {r.timestamp(), failedAt + delay(n, initial, multiplier, max)});
                            }
                            perSecond.merge(r.timestamp() / 1000, 1, Integer::sum);
                        }
                        case Bench.DLQ_TOPIC -> deadLettered.add(r.key());
                        default -> { }
                    }
                }
            }
            writer.join();
        }
        double[] lateness = redeliveries.stream().mapToDouble(r -> r[0] - r[1]).toArray();
        Stats stats = new Stats(lateness);
        long early = stats.countBelow(0);
        int peak = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        ServerTimer ownTimer = ServerTimer.read(Bench.retryUrl(), LATENESS, "").minus(metricsBefore);
        double count = ownTimer.count();
        double sum = ownTimer.sumSeconds();
        String crossCheck = count > 0 ? "retry-war's own /metrics: mean " + Stats.num(sum / count * 1000) + " ms over "
                + (long) count + " redeliveries" : "retry-war's /metrics lateness timer not found";
        Bench.row("Retry path: " + records + " failing records over " + spread + " s, " + maxRetries + " retries each",
                "lateness " + stats.summary("ms") + "; early: " + early,
                "due = hand-off to side topic + " + initial + " × " + Stats.num(multiplier) + "^(n−1), max " + max + ", jitter 0",
                "peak " + peak + " redeliveries/s; intake peak " + intake.peakPerSecond() + " side records/s (retry-svc's commits)",
                stats.count() + " redeliveries timed (expected " + (long) records * maxRetries + "), " + unmatched.get()
                        + " without their side-topic record, " + deadLettered.size() + "/" + records + " dead-lettered; "
                        + crossCheck);
        if (early > 0 || deadLettered.size() < records) {
            Bench.log("retry path: " + early + " early redeliveries, " + (records - deadLettered.size()) + " not dead-lettered");
        }
    }

    static long delay(int n, Duration initial, double multiplier, Duration max) {
        double millis = initial.toMillis() * Math.pow(multiplier, n - 1);
        return (long) Math.min(millis, max.toMillis());
    }

    private static int attempts(ConsumerRecord<String, String> r) {
        Header h = r.headers().lastHeader("retry-attempts");
        return h == null ? 0 : Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8).trim());
    }

    private static void write(String prefix, int records, int spread) {
        long period = (long) (spread * 1e9 / records);
        long start = System.nanoTime();
        AtomicLong failed = new AtomicLong();
        try (var producer = KafkaClients.flowProducer(Bench.kafka())) {
            for (int i = 0; i < records; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String user = prefix + i;
                producer.send(new ProducerRecord<>(Bench.TOKENS_TOPIC, user,
                        Events.tokenIssued(Events.newId(), user, "ghost", Instant.now())), (m, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Bench.log("retry path: wrote " + records + " failing records in " + Stats.num((System.nanoTime() - start) / 1e9)
                + " s, " + failed.get() + " not acknowledged");
    }
}
