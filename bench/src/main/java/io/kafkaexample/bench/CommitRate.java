package io.kafkaexample.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast a group makes records durable, seen from outside: its committed offsets on a topic, sampled every
 * 200 ms while a driver runs. A service commits a record only once its effects are stored, so the peak over any
 * one second is the rate it took them in at, whatever its own metrics say.
 */
final class CommitRate implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 200;

    private final Admin admin;
    private final String group;
    private final String topic;
    private final List<long[]> samples = new ArrayList<>(); // {epoch ms, offsets committed in all}
    private final Thread sampler;
    private volatile boolean stopped;

    /** Samples until closed, through {@code admin} (the driver's own: an admin client is thread-safe). */
    CommitRate(Admin admin, String group, String topic) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.sampler = new Thread(this::sample, "commit-rate-" + group);
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!stopped) {
            try {
                Map<TopicPartition, Long> committed = KafkaClients.committed(admin, group, List.of(topic));
                synchronized (samples) {
                    samples.add(new long[] {System.currentTimeMillis(), KafkaClients.sum(committed)});
                }
            } catch (IllegalStateException e) {
                Bench.log("commit rate of " + group + ": " + e.getMessage());
            }
            Bench.sleep(Duration.ofMillis(SAMPLE_MILLIS));
        }
    }

    /** Records committed per second, the most over any window of at least one second between two samples. */
    long peakPerSecond() {
        List<long[]> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        double peak = 0;
        int j = 0;
        for (int i = 0; i < copy.size(); i++) {
            while (j < copy.size() && copy.get(j)[0] - copy.get(i)[0] < 1000) {
                j++;
            }
            if (j == copy.size()) {
                break;
            }
            peak = Math.max(peak, (copy.get(j)[1] - copy.get(i)[1]) * 1000.0 / (copy.get(j)[0] - copy.get(i)[0]));
        }
        return Math.round(peak);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.join();
    }
}
