package io.kafkaexample.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** The floor the event path adds to: one Kafka hop, produce (acks=all) to a consumer polling the same broker. */
final class RawKafkaHop {

    private RawKafkaHop() {
    }

    /** Produce (acks=all) → a consumer polling the same broker, at {@code rate} for {@code seconds}: latencies in ms. */
    static Stats measure(double rate, int seconds) throws Exception {
        String topic = "bench-latency";
        try (Admin admin = KafkaClients.admin(Bench.kafka())) {
            KafkaClients.ensureTopic(admin, topic, Bench.PARTITIONS, (short) 1, Map.of());
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader;
        try (var producer = KafkaClients.flowProducer(Bench.kafka())) {
            var consumer = KafkaClients.plainConsumer(Bench.kafka());
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < Bench.PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            reader = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        for (var r : consumer.poll(Duration.ofMillis(100))) {
                            latencies.add((System.nanoTime() - Long.parseLong(r.value())) / 1e6);
                        }
                    }
                }
            });
            reader.start();
            long period = (long) (1e9 / rate);
            long start = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), Long.toString(System.nanoTime())));
            }
            producer.flush();
        }
        Bench.sleep(Duration.ofSeconds(2));
        stop.set(true);
        reader.join();
        Stats stats = new Stats(latencies);
        Bench.log("raw Kafka hop: " + stats.summary("ms") + " over " + stats.count() + " records");
        return stats;
    }
}
