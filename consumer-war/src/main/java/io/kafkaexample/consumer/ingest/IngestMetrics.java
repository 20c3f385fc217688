package io.kafkaexample.consumer.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Per topic: records processed, failed and handed to retry, and the processing time (/metrics). */
@ApplicationScoped
public class IngestMetrics {

    @Inject
    MetricRegistry registry;

    void processed(String topic, Duration took) {
        registry.counter("consumer.records.processed", tag(topic)).inc();
        registry.timer("consumer.records.processing", tag(topic)).update(took);
    }

    void failed(String topic) {
        registry.counter("consumer.records.failed", tag(topic)).inc();
    }

    void forwarded(String topic) {
        registry.counter("consumer.records.forwarded", tag(topic)).inc();
    }

    private static Tag tag(String topic) {
        return new Tag("topic", topic);
    }
}
