package io.kafkaexample.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The 3-node KRaft scenario: a topic of 8 partitions with replication factor 3 and min.insync.replicas=2, a
 * steady flow with acks=all and idempotence (bench/faults kills one broker with kill -9 in the middle), then
 * every record read back from the two brokers left: each acknowledged record must be there exactly once.
 */
final class Cluster {

    private Cluster() {
    }

    static boolean run(String bootstrap, int seconds) throws Exception {
        int rate = Integer.parseInt(Bench.env("BENCH_CLUSTER_RATE", "200"));
        String topic = "bench-rf3-" + System.currentTimeMillis() / 1000;
        // the three brokers may still be registering: replication factor 3 needs all of them
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (Admin admin = Bench.admin(bootstrap)) {
            while (true) {
                try {
                    Bench.ensureTopic(admin, topic, Bench.PARTITIONS, (short) 3, Map.of("min.insync.replicas", "2"));
                    break;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > until) {
                        throw e;
                    }
                    Bench.log("cluster: " + e.getCause() + "; trying again");
                    Bench.sleep(Duration.ofSeconds(2));
                }
            }
        }
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        long sent = 0;
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        try (KafkaProducer<String, String> producer = Bench.flowProducer(bootstrap)) {
            for (long i = 0; System.nanoTime() - start < seconds * 1_000_000_000L; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    Bench.sleep(Duration.ofNanos(wait));
                }
                long seq = i;
                try {
                    producer.send(new ProducerRecord<>(topic, Long.toString(seq), "seq-" + seq), (m, e) -> {
                        if (e == null) {
                            acked.add(seq);
                        } else {
                            refused.incrementAndGet();
                        }
                    });
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
                sent++;
                if (i % (rate * 10L) == 0) {
                    Bench.log("cluster: " + acked.size() + " acknowledged, " + refused.get() + " refused");
                }
            }
            producer.flush();
        }
        Bench.log("cluster: flow over, " + acked.size() + " of " + sent + " acknowledged; reading " + topic + " back");
        Map<Long, Integer> read = new ConcurrentHashMap<>();
        try (Admin admin = Bench.admin(bootstrap); var consumer = Bench.plainConsumer(bootstrap)) {
            Map<TopicPartition, Long> end = Bench.endOffsets(admin, List.of(topic));
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    read.merge(Long.parseLong(r.value().substring(4)), 1, Integer::sum);
                }
            }
        }
        long lost = acked.stream().filter(s -> !read.containsKey(s)).count();
        long duplicates = read.values().stream().mapToLong(n -> n - 1).sum();
        long unackedButWritten = read.keySet().stream().filter(s -> !acked.contains(s)).count();
        Bench.row("3-node KRaft, one broker killed (RF 3, min.insync.replicas=2, acks=all)", acked.size(),
                acked.size() - lost, 0, lost, duplicates, sent + " sent, " + refused.get() + " refused by the producer; "
                        + unackedButWritten + " written without an acknowledgement (allowed); topic " + topic);
        return lost == 0 && duplicates == 0;
    }
}
