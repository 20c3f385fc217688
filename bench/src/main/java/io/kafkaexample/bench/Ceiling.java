package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * The raw Kafka ceiling: the Kafka tools' own ProducerPerformance and ConsumerPerformance (from the jars
 * ./stack runs the broker with) on the same broker, a topic of 8 partitions, with payloads that are our
 * events (a file of user.created and token.issued JSON exactly as test-support's Events writes them).
 *
 * <p>{@code Ceiling <kafka-lib-dir> <records> <out.properties>}: prints rows, writes the figures for Drain.
 */
public final class Ceiling {

    static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Bench.useDevStack();
        String topic = "bench-ceiling-" + Instant.now().getEpochSecond();
        Path payloads = Files.createTempFile("bench-payloads", ".txt");
        double avgSize = writePayloads(payloads, 2000);
        Bench.log("ceiling: topic " + topic + ", " + records + " records, payload " + Stats.num(avgSize) + " bytes on average");
        Properties figures = new Properties();
        try (Admin admin = KafkaClients.admin(Bench.kafka())) {
            KafkaClients.ensureTopic(admin, topic, Bench.PARTITIONS, (short) 1, Map.of());
            try {
                String produced = run(lib, "org.apache.kafka.tools.ProducerPerformance", "--bootstrap-server", Bench.kafka(),
                        "--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                        "--payload-file", payloads.toString(), "--key-distribution", "random", "--record-key-range", "1000000",
                        "--command-property", "acks=all", "enable.idempotence=true");
                Matcher p = lastMatch(PRODUCER, produced);
                String consumed = run(lib, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", Bench.kafka(),
                        "--topic", topic, "--num-records", Long.toString(records), "--group", topic + "-group",
                        "--timeout", "60000");
                double[] c = consumerFigures(consumed);
                figures.setProperty("payload.bytes", Stats.num(avgSize));
                figures.setProperty("producer.records.per.s", p.group(2));
                figures.setProperty("consumer.records.per.s", Double.toString(c[1]));
                figures.setProperty("consumer.fetch.records.per.s", Double.toString(c[0]));
                Bench.row("Ceiling: ProducerPerformance (acks=all, idempotent)", Stats.num(Double.parseDouble(p.group(2))) + " records/s, "
                        + p.group(3) + " MB/s", "ack latency p50 " + p.group(6) + " / p99 " + p.group(8) + " / max "
                        + p.group(5) + " ms", "-", records + " records of " + Stats.num(avgSize) + " B (our events), 8 partitions");
                Bench.row("Ceiling: ConsumerPerformance", Stats.num(c[0]) + " records/s (fetch)", Stats.num(c[1])
                        + " records/s incl. group join", "-", "same topic, one consumer");
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
                admin.deleteConsumerGroups(List.of(topic + "-group")).all().toCompletionStage().exceptionally(e -> null).toCompletableFuture().get();
            }
        }
        try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            figures.store(writer, "bench/run: the raw Kafka ceiling");
        }
        Files.deleteIfExists(payloads);
    }

    /** One event per line, alternating user.created and token.issued; returns the mean size in bytes. */
    static double writePayloads(Path file, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String user = Events.newId();
            String line = i % 2 == 0 ? Events.userCreated(Events.newId(), user, "bench" + user.substring(0, 8))
                    : Events.tokenIssued(Events.newId(), user, "bench" + user.substring(0, 8), Instant.now());
            lines.add(line);
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return (double) bytes / count;
    }

    static Matcher lastMatch(Pattern pattern, String output) {
        Matcher last = null;
        for (String line : output.split("\n")) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no result line in the tool's output:\n" + output);
        }
        return last;
    }

    /**
     * ConsumerPerformance's data line: start, end, MB, MB/s, records, records/s, rebalance ms, fetch ms,
     * fetch MB/s, fetch records/s. Returns {fetch records/s, records/s}.
     */
    static double[] consumerFigures(String output) {
        for (String line : output.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length == 10 && f[4].trim().matches("\\d+") && !line.startsWith("start.time")) {
                return new double[] {Double.parseDouble(f[9].trim()), Double.parseDouble(f[5].trim())};
            }
        }
        throw new IllegalStateException("no result line in ConsumerPerformance's output:\n" + output);
    }

    /** Runs a Kafka tool's main in its own JVM with the Kafka jars; returns its output, fails on a non-zero exit. */
    static String run(Path lib, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-Dlog4j2.configurationFile=" + Bench.root().resolve("kafka-docs/config/log4j2.properties"),
                "-cp", lib.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        Bench.log("running " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.err.print(output.lines().filter(l -> !l.startsWith("SLF4J")).reduce("", (a, b) -> a + "  " + b + "\n"));
        if (exit != 0) {
            throw new IllegalStateException(mainClass + " exited with " + exit);
        }
        return output;
    }
}
