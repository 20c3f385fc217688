package io.kafkaexample.retry.message;

import io.kafkaexample.common.kafka.KafkaClients;
import io.kafkaexample.common.kafka.RetryHeaders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a topic back from a point in time to find records by a tag of their headers: did a send whose outcome
 * was lost land after all? One consumer without a group (it commits nothing and disturbs no one), reused, one
 * read at a time; these reads are rare (after a crash or a timed-out send), and a read covers a whole batch.
 */
@ApplicationScoped
public class CopyFinder {

    /** A record's timestamp is the sending instance's clock, {@code since} Redis's: this much skew is allowed for. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    @Inject
    KafkaClients clients;

    private ReusedConsumer reads;

    @PostConstruct
    void open() {
        reads = new ReusedConsumer(clients, "copy-finder");
    }

    /**
     * Those of {@code wanted} that {@code tag} reads on a record of {@code topic} written since {@code since}; none
     * if the topic does not exist. Throws if the topic cannot be read to its end within {@link TopicReads#TIMEOUT}.
     */
    public Set<String> find(String topic, Instant since, Function<Headers, Optional<String>> tag, Set<String> wanted) {
        return reads.read(consumer -> {
            List<TopicPartition> partitions = TopicReads.partitions(consumer, topic);
            if (partitions.isEmpty() || wanted.isEmpty()) {
                return Set.of();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TopicReads.TIMEOUT);
            Map<TopicPartition, Long> from = TopicReads.since(consumer, partitions, since.minus(CLOCK_MARGIN), end);
            return TopicReads.read(consumer, from, end, r -> tag.apply(r.headers()).filter(wanted::contains).isPresent()).stream()
                    .map(r -> tag.apply(r.headers()).orElseThrow()).collect(Collectors.toSet());
        });
    }

    /**
     * Those of {@code attempts} (retry id to its count) that a record of {@code topic} written since {@code since}
     * carries as its {@code retry-id} and {@code retry-attempts}: how a redelivery or a dead letter is found.
     */
    public Set<String> findAttempts(String topic, Instant since, Map<String, Integer> attempts) {
        Set<String> wanted = attempts.entrySet().stream().map(e -> tag(e.getKey(), e.getValue())).collect(Collectors.toSet());
        Set<String> found = find(topic, since, CopyFinder::attemptTag, wanted);
        return attempts.keySet().stream().filter(id -> found.contains(tag(id, attempts.get(id)))).collect(Collectors.toSet());
    }

    private static Optional<String> attemptTag(Headers headers) {
        return RetryHeaders.get(headers, RetryHeaders.RETRY_ID).map(id -> tag(id, RetryHeaders.attempts(headers)));
    }

    private static String tag(String id, int attempts) {
        return id + "#" + attempts;
    }

    @PreDestroy
    void close() {
        reads.close();
    }
}
