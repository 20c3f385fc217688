package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.batch.Batcher;
import io.kafkaexample.common.batch.Batchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Per topic (/metrics): records processed, failed and handed to retry, the time and size of each batch; per
 * channel, the age of its oldest unacknowledged message. Each metric is looked up once per topic, not per record.
 */
@ApplicationScoped
public class IngestMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Batchers batchers;

    private final Map<String, TopicMetrics> topics = new ConcurrentHashMap<>();
    private final AtomicBoolean agesRegistered = new AtomicBoolean();

    private record TopicMetrics(Counter processed, Counter failed, Counter forwarded, Timer batchTime, Timer redisTime,
                                Histogram batchSize) {
    }

    /** A batch of {@code size} records in which {@code applied} changed the model and {@code failed} were handed on. */
    void batch(String topic, int size, int applied, int failed, long nanos) {
        TopicMetrics metrics = topics.computeIfAbsent(topic, this::register);
        metrics.processed().inc(size - failed);
        metrics.failed().inc(failed);
        metrics.forwarded().inc(failed);
        metrics.batchTime().update(Duration.ofNanos(nanos));
        metrics.batchSize().update(size);
    }

    /** One Redis pipeline of a batch of {@code topic}: the wait a CPU profile does not show (a thread blocked in a socket read). */
    void redis(String topic, long nanos) {
        topics.computeIfAbsent(topic, this::register).redisTime().update(Duration.ofNanos(nanos));
    }

    private TopicMetrics register(String topic) {
        Tag tag = new Tag("topic", topic);
        if (agesRegistered.compareAndSet(false, true)) {
            registerAges();
        }
        return new TopicMetrics(registry.counter("consumer.records.processed", tag), registry.counter("consumer.records.failed", tag),
                registry.counter("consumer.records.forwarded", tag), registry.timer("consumer.batch.time", tag),
                registry.timer("consumer.redis.time", tag), registry.histogram("consumer.batch.size", tag));
    }

    private void registerAges() {
        for (Batcher<?> batcher : batchers.all()) {
            registry.gauge(Metadata.builder().withName("consumer.oldest.unacked.age").withDescription(
                    "milliseconds the channel's oldest unacknowledged message has waited").build(),
                    batcher, b -> b.oldestAgeNanos().orElse(0) / 1_000_000, new Tag("channel", batcher.channel()));
        }
    }
}
