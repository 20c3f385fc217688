package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer drain: a backlog written straight to Kafka while consumer-svc is stopped, then drained by it into
 * its read model, timed from outside by the group's committed offsets reaching the end offsets.
 *
 * <p>Two phases, each from a stopped consumer: N/2 user.created, then N/2 token.issued for those users.
 * (Written together, the two topics are read in parallel and a token would often overtake its user and take
 * the retry path; that is a different measurement.) The rate is taken between 10 % and 90 % of the backlog,
 * so the server's start and the last commit do not count; the whole time from {@code ./stack up} is printed too.
 *
 * <p>{@code Drain <events> <ceiling.properties> <out-dir>}; BENCH_JFR=1 records the consumer with JFR while it drains.
 */
public final class Drain {

    private Drain() {
    }

    record Phase(String topic, long records, double steadyPerSecond, double firstToDoneSeconds, double fromStartSeconds) {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        Properties ceiling = new Properties();
        if (Files.exists(Path.of(args[1]))) {
            try (var reader = Files.newBufferedReader(Path.of(args[1]))) {
                ceiling.load(reader);
            }
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Bench.useDevStack();
        int users = (int) (events / 2);
        List<String> ids = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            ids.add(Events.newId());
        }
        Map<TopicPartition, Long> before;
        Map<TopicPartition, Long> after;
        Phase u;
        Phase t;
        String waits;
        try (Admin admin = KafkaClients.admin(Bench.kafka())) {
            before = KafkaClients.endOffsets(admin, List.of(Bench.USERS_TOPIC, Bench.TOKENS_TOPIC));
            u = phase(admin, Bench.USERS_TOPIC, ids, out, false);
            double[] scriptsBefore = DrainWaits.scripts();
            t = phase(admin, Bench.TOKENS_TOPIC, ids, out, "1".equals(Bench.env("BENCH_JFR", "0")));
            waits = DrainWaits.of(t, scriptsBefore);
            after = KafkaClients.endOffsets(admin, List.of(Bench.USERS_TOPIC, Bench.TOKENS_TOPIC));
        }
        // spot check: a random sample of the users has exactly its one token in the read model
        List<String> sample = new ArrayList<>(ids);
        Collections.shuffle(sample, new Random(7));
        sample = sample.subList(0, Math.min(200, sample.size()));
        Map<String, Integer> seen = Bench.tokensIssued(sample);
        long right = seen.values().stream().filter(n -> n == 1).count();

        double raw = KafkaClients.plainConsumerRate(before, after);
        Bench.log("same work without the server: users, then tokens");
        double sameUsers = SameWork.rate(Bench.USERS_TOPIC, before, after);
        double sameTokens = SameWork.rate(Bench.TOKENS_TOPIC, before, after);
        SameWork.clean();
        double same = events / (users / sameUsers + users / sameTokens);
        double ours = events / (u.records() / u.steadyPerSecond() + t.records() / t.steadyPerSecond());
        double perf = Double.parseDouble(ceiling.getProperty("consumer.fetch.records.per.s", "NaN"));
        Bench.row("Consumer drain: " + events + " events (" + users + " user.created, then " + users + " token.issued)",
                Stats.num(ours) + " events/s (users " + Stats.num(u.steadyPerSecond()) + ", tokens "
                        + Stats.num(t.steadyPerSecond()) + ")",
                "same work (plain KafkaConsumer + the scripts pipelined + commit): " + Stats.num(same) + " events/s (users "
                        + Stats.num(sameUsers) + ", tokens " + Stats.num(sameTokens) + "); ConsumerPerformance " + Stats.num(perf)
                        + " records/s; plain KafkaConsumer, same records: " + Stats.num(raw) + " records/s",
                Stats.ratio(ours, same) + " of the same work (goal ≥ 0.5); " + Stats.ratio(ours, perf) + " of ConsumerPerformance; "
                        + Stats.ratio(ours, raw) + " of the plain consumer",
                "rate between 10 % and 90 % of each backlog; first commit to last: users " + Stats.num(u.firstToDoneSeconds())
                        + " s, tokens " + Stats.num(t.firstToDoneSeconds()) + " s; from ./stack up: "
                        + Stats.num(u.fromStartSeconds()) + " s, " + Stats.num(t.fromStartSeconds()) + " s; spot check "
                        + right + "/" + sample.size() + " users with tokensIssued = 1; " + waits);
        if (right != sample.size()) {
            Bench.log("spot check: " + (sample.size() - right) + " sampled users do not show exactly one token: "
                    + seen.entrySet().stream().filter(e -> e.getValue() != 1).limit(5).toList());
        }
    }

    private static Phase phase(Admin admin, String topic, List<String> ids, Path out, boolean jfr) throws Exception {
        Bench.log("drain " + topic + ": stopping consumer-svc");
        Bench.stack("down", "consumer");
        long written = write(topic, ids);
        Map<TopicPartition, Long> target = KafkaClients.endOffsets(admin, List.of(topic));
        Map<TopicPartition, Long> start = KafkaClients.committed(admin, Bench.CONSUMER_GROUP, List.of(topic));
        long backlog = KafkaClients.behind(start, target);
        Bench.log("drain " + topic + ": wrote " + written + ", backlog of the group " + backlog + "; starting consumer-svc");

        long t0 = System.nanoTime();
        Process up = Bench.stackAsync("up", "--no-build", "consumer");
        AtomicReference<String> recording = new AtomicReference<>();
        Thread profiler = new Thread(() -> {
            try {
                if (up.waitFor() == 0 && jfr) {
                    recording.set(Jfr.start(Bench.pidOf("consumer"), "bench-drain", out.resolve("drain-consumer.jfr")));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        profiler.start();
        double first = Double.NaN;
        double p10 = Double.NaN;
        double p90 = Double.NaN;
        double done;
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (true) {
            long left = KafkaClients.behind(KafkaClients.committed(admin, Bench.CONSUMER_GROUP, List.of(topic)), target);
            double now = (System.nanoTime() - t0) / 1e9;
            long drained = backlog - left;
            if (drained > 0 && Double.isNaN(first)) {
                first = now;
            }
            if (drained >= backlog * 0.1 && Double.isNaN(p10)) {
                p10 = now;
            }
            if (drained >= backlog * 0.9 && Double.isNaN(p90)) {
                p90 = now;
            }
            if (left == 0) {
                done = now;
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer-svc did not drain " + topic + " in 30 minutes: " + left + " left");
            }
            Bench.sleep(Duration.ofMillis(100));
        }
        if (up.waitFor() != 0) {
            throw new IllegalStateException("./stack up consumer failed: see .stack/bench/stack.log");
        }
        profiler.join();
        if (recording.get() != null) {
            Jfr.stop(Bench.pidOf("consumer"), recording.get());
        }
        double steady = p90 > p10 ? backlog * 0.8 / (p90 - p10) : backlog / (done - first);
        Bench.log("drain " + topic + ": " + backlog + " records, " + Stats.num(steady) + "/s steady, done " + Stats.num(done)
                + " s after ./stack up");
        return new Phase(topic, backlog, steady, done - first, done);
    }

    private static long write(String topic, List<String> ids) throws Exception {
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = KafkaClients.fastProducer(Bench.kafka())) {
            Instant issuedAt = Instant.now();
            for (String id : ids) {
                String name = "d" + id.substring(0, 8) + id.substring(24);
                String value = Bench.USERS_TOPIC.equals(topic) ? Events.userCreated(Events.newId(), id, name)
                        : Events.tokenIssued(Events.newId(), id, name, issuedAt);
                producer.send(new ProducerRecord<>(topic, id, value), (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records of the backlog were not acknowledged");
        }
        Bench.log("wrote " + ids.size() + " " + topic + " records at " + Stats.num(ids.size() / ((System.nanoTime() - start) / 1e9))
                + "/s");
        return ids.size();
    }
}
