package io.kafkaexample.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, from a JFR recording: the share of CPU samples (jdk.ExecutionSample) per top-of-stack
 * method, and per method anywhere on the stack (inclusive), as Markdown list items for bench/RESULTS.md.
 *
 * <p>{@code JfrTop <file.jfr> [n]}
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> once = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if (once.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
            if (event.hasField("sampledThread") && event.getThread("sampledThread") != null) {
                String thread = String.valueOf(event.getThread("sampledThread").getJavaName()).replaceAll("\\d+", "#");
                threads.merge(thread, 1, Integer::sum);
            }
        }
        System.out.println("CPU samples: " + samples + " (" + Path.of(args[0]).getFileName() + ")");
        System.out.println();
        print("Threads (share of samples)", threads, samples, n);
        print("Top of stack (self time)", self, samples, n);
        Map<String, Integer> ours = new HashMap<>();
        inclusive.forEach((m, c) -> {
            if (m.startsWith("io.kafkaexample.") || m.startsWith("redis.clients.") || m.startsWith("org.apache.kafka.")
                    || m.startsWith("io.openliberty.") || m.startsWith("com.ibm.ws.kafka") || m.startsWith("jakarta.json")
                    || m.startsWith("org.eclipse.parsson")) {
                ours.merge(m, c, Integer::sum);
            }
        });
        print("Inclusive: application, Redis client, Kafka client, Liberty messaging", ours, samples, n);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int n) {
        System.out.println(title + ":");
        System.out.println();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.println("- " + Stats.num(100.0 * e.getValue() / Math.max(1, total)) + " % `"
                        + e.getKey() + "`"));
        System.out.println();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
