package io.kafkaexample.retry.redelivery;

import static io.kafkaexample.retry.RetryClient.INITIAL;
import static io.kafkaexample.retry.RetryClient.MAX_RETRIES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Events;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestStack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two retry-svc instances share one schedule (issue 13's test): 500 records of a group that always fails are
 * each redelivered exactly {@code MAX_RETRIES} times (attempts 1, 2, 3, each once), none before its backoff
 * after the failure that caused it, and dead-lettered exactly once, while the second instance is killed with
 * kill -9 half-way through the first redeliveries. The killed instance stays down: the survivor must take over
 * its claims (when their lease ends), its schedule (the sweep) and its side-topic partitions (when the group's
 * session of the dead member ends), and the first instance is left to the other tests as it was.
 */
class TwoRetryInstancesIT {

    private static final int RECORDS = 500;
    /**
     * The first failures come one every 8 ms (4 s in all), not in one burst: at the kill, half-way through the
     * first redeliveries, the instances are redelivering, scheduling and taking failures in, not idle between
     * two bursts.
     */
    private static final long FAILURE_EVERY_MS = 8;
    /** The failing group and its reply topic, allowed by devstack/profiles/it.env's RETRY_REPLY_TOPICS. */
    private static final String GROUP = "retry-it-two-instances";
    private static final String REPLY_TOPIC = "retry-it-two-instances";
    /** The consumer group of retry-svc, which both instances join. */
    private static final String RETRY_GROUP = "retry-svc";
    /** Both clocks are this machine's; a timestamp is whole milliseconds. */
    private static final long CLOCK_GRANULARITY_MS = 2;
    /**
     * The whole flow at most: after the kill, the survivor takes the dead instance's claims when their lease ends
     * (40 s in the test stack) and its side-topic partitions when its session does (45 s).
     */
    private static final Duration FLOW = Duration.ofSeconds(150);
    /** How long to look for a late duplicate after the last letter arrived: longer than a lease (40 s). */
    private static final Duration SETTLE = Duration.ofSeconds(41);
    /** How often the kill asks both instances' metrics whether each has redelivered. */
    private static final Duration METRICS_EVERY = Duration.ofMillis(250);

    @Test
    void alwaysFailingRecordsAreRedeliveredMaxRetriesTimesAndDeadLetteredOnceWhileOneOfTwoInstancesIsKilled() throws Exception {
        String prefix = "two-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> keys = IntStream.range(0, RECORDS).mapToObj(i -> prefix + i).toList();
        KafkaProbe.ensureTopic(REPLY_TOPIC, 8);
        long started = System.nanoTime();
        TestStack.stack("up", "--no-build", "retry-2");
        try (var consumer = new AlwaysFailingConsumer(GROUP, REPLY_TOPIC, prefix)) {
            awaitMembers(2);
            var redeliveries = new Redeliveries();
            runUntilSettled(consumer, keys, redeliveries, () -> {
                System.out.printf("half-way (%d first redeliveries): %s; killing retry-2%n", consumer.redeliveriesOf(1), redeliveries);
                TestStack.stack("kill", "retry-2");
            });
            System.out.printf("flow of %d records settled %d s after ./stack up retry-2%n", RECORDS,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertEveryRecord(consumer, keys);
        } finally {
            TestStack.stack("down", "retry-2");
        }
    }

    /**
     * Fails the first time on each of {@code keys}, one every {@link #FAILURE_EVERY_MS}, and polls until every record
     * has a letter, then {@link #SETTLE} longer for anything late; runs {@code kill} once half of the first
     * redeliveries arrived and both instances have redelivered (asked every
     * {@link #METRICS_EVERY}). Whichever instance claims a due retry first sends it (each instance has a job for
     * every retry due soon, its own or not, so that one instance's death makes nothing late), so a freshly started
     * instance on a busy machine may lose every race of the first seconds to the warm one: the kill waits for its
     * first win, which must come within the flow.
     */
    private static void runUntilSettled(AlwaysFailingConsumer consumer, List<String> keys, Redeliveries redeliveries, Runnable kill) {
        long start = System.nanoTime();
        long deadline = start + FLOW.toNanos();
        long settledSince = 0;
        long nextCheck = 0;
        int failed = 0;
        boolean killed = false;
        while (System.nanoTime() < deadline) {
            for (long due = (System.nanoTime() - start) / 1_000_000 / FAILURE_EVERY_MS; failed < keys.size() && failed <= due; failed++) {
                // the record a consumer of issued-token read and failed on
                consumer.fail(new ConsumerRecord<>(Topics.ISSUED_TOKEN, failed % 8, failed, keys.get(failed),
                        Events.tokenIssued(Events.newId(), keys.get(failed), "ghost", Instant.now())));
            }
            consumer.poll(Duration.ofMillis(5));
            if (!killed && consumer.redeliveriesOf(1) >= RECORDS / 2 && System.nanoTime() >= nextCheck) {
                nextCheck = System.nanoTime() + METRICS_EVERY.toNanos();
                if (redeliveries.byBoth()) {
                    kill.run();
                    killed = true;
                }
            }
            if (settledSince == 0 && consumer.letters().size() == RECORDS) {
                settledSince = System.nanoTime();
            }
            if (settledSince != 0 && System.nanoTime() - settledSince > SETTLE.toNanos()) {
                return;
            }
        }
        assertTrue(killed, "no kill within " + FLOW + ": " + consumer.redeliveriesOf(1) + " first redeliveries (the kill waits for "
                + RECORDS / 2 + "), " + redeliveries + " (both must have redelivered before it)");
    }

    private static void assertEveryRecord(AlwaysFailingConsumer consumer, List<String> keys) {
        List<String> wrongCounts = new ArrayList<>();
        List<String> early = new ArrayList<>();
        List<String> wrongLetters = new ArrayList<>();
        for (String key : keys) {
            List<AlwaysFailingConsumer.Arrival> arrivals = consumer.redeliveries().getOrDefault(key, List.of());
            List<Integer> attempts = arrivals.stream().map(AlwaysFailingConsumer.Arrival::attempt).sorted().toList();
            if (!attempts.equals(IntStream.rangeClosed(1, MAX_RETRIES).boxed().toList())) {
                wrongCounts.add(key + " redelivered as attempts " + attempts);
            }
            for (AlwaysFailingConsumer.Arrival arrival : arrivals) {
                Long failedAt = consumer.failedAt(key, arrival.attempt());
                long backoff = INITIAL.toMillis() << (arrival.attempt() - 1);
                if (failedAt == null || arrival.producedAt() - failedAt < backoff - CLOCK_GRANULARITY_MS) {
                    early.add(key + " attempt " + arrival.attempt() + " came " + (failedAt == null ? "with no failure before it"
                            : (arrival.producedAt() - failedAt) + " ms after its failure, backoff " + backoff + " ms"));
                }
            }
            List<Integer> letters = consumer.letters().getOrDefault(key, List.of());
            if (!letters.equals(List.of(MAX_RETRIES + 1))) {
                wrongLetters.add(key + " dead-lettered " + letters.size() + "x, with attempts " + letters);
            }
        }
        long redeliveries = consumer.redeliveries().values().stream().mapToLong(List::size).sum();
        System.out.printf("%d records: %d redeliveries (expected %d), %d letters; %d with wrong redeliveries, %d early, %d with wrong letters%n",
                keys.size(), redeliveries, keys.size() * MAX_RETRIES, consumer.letters().values().stream().mapToLong(List::size).sum(),
                wrongCounts.size(), early.size(), wrongLetters.size());
        assertAll(
                () -> assertTrue(consumer.sendErrors().isEmpty(), "failures not handed on: " + sample(consumer.sendErrors())),
                () -> assertTrue(wrongCounts.isEmpty(), wrongCounts.size() + " records not redelivered exactly as attempts 1.."
                        + MAX_RETRIES + ": " + sample(wrongCounts)),
                () -> assertTrue(early.isEmpty(), early.size() + " redeliveries before their backoff: " + sample(early)),
                () -> assertTrue(wrongLetters.isEmpty(), wrongLetters.size() + " records not dead-lettered exactly once after "
                        + (MAX_RETRIES + 1) + " failures: " + sample(wrongLetters)));
    }

    /** Waits until retry-svc's group is stable with {@code count} members, each with side-topic partitions. */
    private static void awaitMembers(int count) throws Exception {
        try (var admin = KafkaProbe.admin()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(RETRY_GROUP)).all().get();
                var members = groups.get(RETRY_GROUP).members();
                if (members.size() == count && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(RETRY_GROUP + " has not " + count + " members with partitions within 60 s: " + members);
                }
                Thread.sleep(500);
            }
        }
    }

    /** What each instance redelivered since the test began, by its own metrics. */
    private static final class Redeliveries {

        private final double firstBefore = redeliveredBy(1);
        private String last = "not asked yet";

        boolean byBoth() {
            double first = redeliveredBy(1) - firstBefore;
            double second = redeliveredBy(2);
            last = String.format("instance 1 redelivered %.0f, instance 2 %.0f", first, second);
            return first > 0 && second > 0;
        }

        @Override
        public String toString() {
            return last;
        }
    }

    /** retry_redelivered_total of one instance, all origin topics: its own count, where Redis's is shared. */
    private static double redeliveredBy(int instance) {
        String metrics = Http.get(URI.create(TestStack.instanceUrl(TestStack.retryUrl(), instance)).resolve("/metrics").toString()).body();
        return metrics.lines().filter(l -> l.startsWith("retry_redelivered_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String sample(List<String> problems) {
        return String.join("; ", problems.subList(0, Math.min(10, problems.size())));
    }
}
