package io.kafkaexample.consumer.ingest;

import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static io.kafkaexample.testsupport.Events.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.UsersClient;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class EventConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static String admin;

    @Test
    void eventsWrittenToKafkaReachTheReadModelAndTheFeed() throws Exception {
        String userId = newId();
        String username = "katherine" + userId.substring(0, 8);
        Instant login = Instant.parse("2026-11-20T10:15:30Z");
        KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, username));
        // the two topics are read by two channels, each at its own pace: a login before its user would go to retry,
        // which this stack does not run
        awaitUser(userId, u -> true);
        KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, username, login));

        JsonObject user = awaitUser(userId, u -> u.getInt("tokensIssued") == 1);
        assertEquals(username, user.getString("username"));
        assertEquals(username + "@example.org", user.getString("email"));
        assertEquals(login.toString(), user.getString("lastLoginAt"));
        List<String> feed = graphql("{ notifications(limit: 50) { type userId } }").getJsonArray("notifications")
                .getValuesAs(JsonObject.class).stream().filter(n -> userId.equals(n.getString("userId")))
                .map(n -> n.getString("type")).toList();
        assertEquals(List.of("token.issued", "user.created"), feed);
    }

    @Test
    void aRecordSeenTwiceCountsOnce() throws Exception {
        String userId = newId();
        KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "dup" + userId.substring(0, 8)));
        awaitUser(userId, u -> true);
        String login = tokenIssued(newId(), userId, "dup", Instant.now());
        KafkaProbe.send(Topics.ISSUED_TOKEN, userId, login);
        KafkaProbe.send(Topics.ISSUED_TOKEN, userId, login);
        KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, "dup", Instant.now()));
        // the third, distinct event is behind the duplicate on the same partition: once it counts, both were seen
        awaitUser(userId, u -> u.getInt("tokensIssued") == 2);
        Thread.sleep(500);
        assertEquals(2, awaitUser(userId, u -> true).getInt("tokensIssued"));
    }

    @Test
    void aMalformedRecordGoesToTheSideTopicAsNotRetryableAndTheStreamGoesOn() throws Exception {
        try (var side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY)) {
            String key = newId();
            var sent = KafkaProbe.send(Topics.NEW_USER_CREATED, key, "{this is not a cloud event");
            ConsumerRecord<String, String> failed = side.await(r -> key.equals(r.key()), WAIT);
            assertEquals("{this is not a cloud event", failed.value());
            Map<String, String> headers = headers(failed);
            assertEquals("false", headers.get("retry-retryable"));
            assertEquals("new-user-created", headers.get("retry-origin-topic"));
            assertEquals(Integer.toString(sent.partition()), headers.get("retry-origin-partition"));
            assertEquals(Long.toString(sent.offset()), headers.get("retry-origin-offset"));
            assertEquals("new-user-created-" + sent.partition() + "@" + sent.offset(), headers.get("retry-failed-position"));
            assertEquals("consumer-svc", headers.get("retry-group"));
            assertEquals("consumer-svc-redelivery", headers.get("retry-reply-to"));
            assertEquals("1", headers.get("retry-attempts"));
            assertTrue(headers.get("retry-error-message").startsWith("not JSON"), headers::toString);
            // consumer-svc's hand-off: its headers are checked, the value is the poison record the test wrote
            RecordContract.assertConforms(failed);

            String userId = newId();
            KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "after" + userId.substring(0, 8)));
            awaitUser(userId, u -> true);
        }
    }

    @Test
    void aTokenBeforeItsUserGoesToTheSideTopicAsRetryableAndARedeliveryIsProcessed() throws Exception {
        try (var side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY)) {
            String userId = newId();
            String username = "early" + userId.substring(0, 8);
            KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, username, Instant.now()));
            ConsumerRecord<String, String> failed = side.await(r -> userId.equals(r.key()), WAIT);
            Map<String, String> headers = headers(failed);
            assertEquals("true", headers.get("retry-retryable"));
            assertEquals("issued-token", headers.get("retry-origin-topic"));
            assertEquals("1", headers.get("retry-attempts"));
            RecordContract.assertConforms(failed);

            KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, username));
            awaitUser(userId, u -> u.getInt("tokensIssued") == 0);
            // what retry-war does when the retry is due: the same value and headers, to the reply topic
            var redelivery = new ProducerRecord<>(Topics.CONSUMER_SVC_REDELIVERY, userId, failed.value());
            failed.headers().forEach(h -> redelivery.headers().add(h));
            KafkaProbe.send(redelivery);
            awaitUser(userId, u -> u.getInt("tokensIssued") == 1);
        }
    }

    @Test
    void aBurstMixingGoodUnknownAndInvalidRecordsAppliesTheGoodAndHandsOnTheRest() throws Exception {
        try (var side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY)) {
            List<String> users = java.util.stream.IntStream.range(0, 10).mapToObj(i -> newId()).toList();
            List<ProducerRecord<String, String>> created = users.stream()
                    .map(id -> new ProducerRecord<>(Topics.NEW_USER_CREATED, id, userCreated(newId(), id, "burst" + id.substring(0, 8)))).toList();
            KafkaProbe.sendAll(created);
            for (String id : users) {
                awaitUser(id, u -> true);
            }
            // one burst on issued-token: logins of known users, of unknown users, and records that are no event
            List<String> strangers = java.util.stream.IntStream.range(0, 5).mapToObj(i -> newId()).toList();
            List<String> poison = java.util.stream.IntStream.range(0, 5).mapToObj(i -> newId()).toList();
            List<ProducerRecord<String, String>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                burst.add(new ProducerRecord<>(Topics.ISSUED_TOKEN, users.get(i), tokenIssued(newId(), users.get(i), "burst", Instant.now())));
                if (i < 5) {
                    burst.add(new ProducerRecord<>(Topics.ISSUED_TOKEN, strangers.get(i), tokenIssued(newId(), strangers.get(i), "x", Instant.now())));
                    burst.add(new ProducerRecord<>(Topics.ISSUED_TOKEN, poison.get(i), "{poison " + i));
                }
            }
            KafkaProbe.sendAll(burst);

            for (String id : users) {
                awaitUser(id, u -> u.getInt("tokensIssued") == 1);
            }
            Map<String, String> retryable = side.all(r -> strangers.contains(r.key()) || poison.contains(r.key()), Duration.ofSeconds(5)).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, r -> headers(r).get("retry-retryable"), (a, b) -> a + "," + b));
            for (String id : strangers) {
                assertEquals("true", retryable.get(id), "a login of an unknown user is retryable, once: " + retryable);
            }
            for (String id : poison) {
                assertEquals("false", retryable.get(id), "a record that is no event is not retryable, once: " + retryable);
            }
        }
        theGroupsCommittedOffsetsReachTheEndOfEveryPartition();
    }

    @Test
    void theStacksKafkaToolsDescribeTheGroupOnItsThreeTopics() {
        String described = TestStack.stack("kafka", "consumer-groups", "--describe", "--group", "consumer-svc");
        for (String topic : List.of(Topics.NEW_USER_CREATED, Topics.ISSUED_TOKEN, Topics.CONSUMER_SVC_REDELIVERY)) {
            assertTrue(described.contains(topic), "./stack kafka consumer-groups --describe lists no " + topic + ":\n" + described);
        }
    }

    @Test
    void theGroupsCommittedOffsetsReachTheEndOfEveryPartition() throws Exception {
        Set<String> topics = Set.of(Topics.NEW_USER_CREATED, Topics.ISSUED_TOKEN, Topics.CONSUMER_SVC_REDELIVERY);
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<TopicPartition, Long> lag;
        do {
            lag = lag(topics);
            if (lag.values().stream().allMatch(l -> l == 0)) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("consumer-svc still lags behind: " + lag);
    }

    private static Map<TopicPartition, Long> lag(Set<String> topics) throws Exception {
        try (Admin admin = KafkaProbe.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("consumer-svc")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().offset() - (committed.containsKey(e.getKey()) ? committed.get(e.getKey()).offset() : 0)));
        }
    }

    private static JsonObject awaitUser(String id, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            JsonObject data = graphql("{ user(id: \"" + id + "\") { id username email createdAt tokensIssued lastLoginAt } }");
            if (!data.isNull("user")) {
                last = data.getJsonObject("user");
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read model did not reach the expected state for user " + id + "; last seen: " + last);
    }

    private static JsonObject graphql(String query) {
        // as an administrator: only one sees the email, names and whose each notification is
        if (admin == null) {
            admin = UsersClient.adminToken();
        }
        JsonObject response = Http.graphql(TestStack.consumerUrl() + "/graphql", query, admin);
        assertTrue(!response.containsKey("errors"), response::toString);
        return response.getJsonObject("data");
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
