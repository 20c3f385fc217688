package io.kafkaexample.retry;

import static io.kafkaexample.retry.RetryClient.MAX_RETRIES;
import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.await;
import static io.kafkaexample.retry.RetryClient.consumerUser;
import static io.kafkaexample.retry.RetryClient.headers;
import static io.kafkaexample.retry.RetryClient.retry;
import static io.kafkaexample.testsupport.TraceViewer.describe;
import static io.kafkaexample.testsupport.TraceViewer.service;
import static io.kafkaexample.testsupport.TraceViewer.tag;
import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.data;
import static io.kafkaexample.testsupport.UsersClient.uniqueAddress;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.tracing.TraceHeaders;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.TraceViewer;
import io.kafkaexample.testsupport.UsersClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * One trace per event, across every hop (W3C Trace Context in the records' headers), as the test stack's trace
 * viewer shows it: from the request of a client that traces its calls, through producer-svc's outbox, consumer-svc's
 * failures, retry-svc's redeliveries and dead letter, to an administrator's replay.
 */
class EventTraceIT {

    /** How long the services may take to export their spans (a batch every 5 s) and the viewer to show them. */
    private static final Duration EXPORT = Duration.ofSeconds(30);

    @Test
    void aLoginWhoseUserTheReadModelLostIsOneTraceFromTheRequestThroughItsRetriesAndDeadLetterToItsReplay() throws Exception {
        String username = uniqueName("traced");
        String userId = UsersClient.signUp(username);
        await("the user in the read model", WAIT, () -> consumerUser(userId) != null);
        String traceparent = TraceViewer.newTraceparent();
        String traceId = TraceViewer.traceId(traceparent);
        ConsumerRecord<String, String> letter;
        try (var redis = RedisClient.create(TestStack.redisUrl()); var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            // the read model loses the user (docs/contract.md: {consumer}:user:<id>), so its next token.issued fails as a
            // token of an unknown user does, until the dead letter is replayed with the user back
            String user = "{consumer}:user:" + userId;
            String aside = "{consumer}:trace-it:" + userId;
            redis.rename(user, aside);
            Http.graphql(UsersClient.endpoint(), "mutation { login(username: \"" + username + "\", password: \"" + PASSWORD
                    + "\") { token } }", null, Map.of("X-Forwarded-For", uniqueAddress(), TraceHeaders.TRACEPARENT, traceparent));
            letter = deadLetters.await(r -> userId.equals(r.key()) && Topics.ISSUED_TOKEN.equals(headers(r).get("retry-origin-topic")), WAIT);
            redis.rename(aside, user);
        }
        assertEquals(traceId, TraceViewer.traceId(headers(letter).get(TraceHeaders.TRACEPARENT)), "the dead letter carries the login's trace");
        String replay = "mutation { replayDeadLetters(ids: [\"" + letter.partition() + "-" + letter.offset() + "\"]) { replayed } }";
        assertEquals(1, data(retry(replay, adminToken()), "replayDeadLetters").getJsonArray("replayed").size());
        await("the replayed token applied", WAIT, () -> consumerUser(userId).getInt("tokensIssued") == 1);

        int attempts = MAX_RETRIES + 1;
        Map<String, Long> expected = Map.of(
                "producer-svc SERVER post /producer-svc/graphql", 1L,
                "producer-svc PRODUCER create issued-token", 1L,
                "producer-svc PRODUCER send issued-token", 1L,
                "consumer-svc CONSUMER process issued-token", 1L,
                "consumer-svc PRODUCER send side-topic-for-retry", (long) attempts,
                "retry-svc CONSUMER process side-topic-for-retry", (long) attempts,
                "retry-svc PRODUCER send consumer-svc-redelivery", (long) MAX_RETRIES + 1,
                "consumer-svc CONSUMER process consumer-svc-redelivery", (long) MAX_RETRIES + 1,
                "retry-svc PRODUCER send dead-letter-queue", 1L);
        List<JsonObject> spans = TraceViewer.await(traceId, "the spans " + expected, EXPORT, s -> counts(s).equals(expected));

        JsonObject request = only(spans, "producer-svc SERVER post /producer-svc/graphql");
        assertEquals(TraceViewer.spanId(traceparent), request.getString("parentId"), "the request continues the client's trace");
        Set<String> ids = spans.stream().map(s -> s.getString("id")).collect(Collectors.toSet());
        spans.stream().filter(s -> s != request).forEach(s -> assertTrue(ids.contains(s.getString("parentId", "")),
                describe(s) + "'s parent is in the trace: one tree from the request"));
        JsonObject relayed = only(spans, "producer-svc PRODUCER send issued-token");
        assertMessaging(relayed, "send", Topics.ISSUED_TOKEN, userId);
        assertEquals(only(spans, "producer-svc PRODUCER create issued-token").getString("id"), relayed.getString("parentId"),
                "the relay sends in the context the outbox entry kept");
        JsonObject processed = only(spans, "consumer-svc CONSUMER process issued-token");
        assertMessaging(processed, "process", Topics.ISSUED_TOKEN, userId);
        assertEquals(relayed.getString("id"), processed.getString("parentId"));
        assertEquals("consumer-svc", tag(processed, "messaging.consumer.group.name"));
        assertTrue(tag(processed, "messaging.destination.partition.id").matches("[0-7]"), tag(processed, "messaging.destination.partition.id"));
        assertTrue(tag(processed, "messaging.kafka.offset").matches("\\d+"));
        assertTrue(tag(processed, "error").contains("UnknownUserException"), "the failure is on its span: " + tag(processed, "error"));
        JsonObject deadLettered = only(spans, "retry-svc PRODUCER send dead-letter-queue");
        assertMessaging(deadLettered, "send", Topics.DEAD_LETTER_QUEUE, userId);
        assertEquals("retry-svc", tag(parentOf(deadLettered, spans), "messaging.consumer.group.name"),
                "the last failure's intake gave it up");
    }

    @Test
    void pingCarriesTheTraceThroughTheRestClientToTheProducer() throws Exception {
        String traceparent = TraceViewer.newTraceparent();
        var ping = Http.get(TestStack.consumerUrl() + "/ping", Map.of(TraceHeaders.TRACEPARENT, traceparent));
        assertEquals(200, ping.statusCode(), ping.body());

        // each service exports its spans on its own schedule: wait for both sides of the call
        List<JsonObject> spans = TraceViewer.await(TraceViewer.traceId(traceparent), "producer-svc's ping-what and consumer-svc's call",
                EXPORT, s -> s.stream().map(span -> service(span) + " " + span.getString("kind", "")).collect(Collectors.toSet())
                        .containsAll(Set.of("producer-svc SERVER", "consumer-svc CLIENT", "consumer-svc SERVER")));

        JsonObject served = spans.stream().filter(s -> service(s).equals("producer-svc")).findFirst().orElseThrow();
        assertEquals("SERVER", served.getString("kind"));
        assertTrue(served.getString("name").contains("ping-what"), served.getString("name"));
        JsonObject call = parentOf(served, spans);
        assertEquals("consumer-svc CLIENT", service(call) + " " + call.getString("kind"), "producer-svc serves consumer-svc's REST client call");
        assertEquals("consumer-svc SERVER", service(parentOf(call, spans)) + " " + parentOf(call, spans).getString("kind"));
    }

    private static Map<String, Long> counts(List<JsonObject> spans) {
        return spans.stream().collect(Collectors.groupingBy(TraceViewer::describe, Collectors.counting()));
    }

    private static JsonObject only(List<JsonObject> spans, String described) {
        List<JsonObject> found = spans.stream().filter(s -> describe(s).equals(described)).toList();
        assertEquals(1, found.size(), described);
        return found.get(0);
    }

    private static JsonObject parentOf(JsonObject span, List<JsonObject> spans) {
        return spans.stream().filter(s -> s.getString("id").equals(span.getString("parentId", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("no parent of " + describe(span) + " in the trace"));
    }

    private static void assertMessaging(JsonObject span, String operation, String topic, String key) {
        assertEquals("kafka", tag(span, "messaging.system"), describe(span));
        assertEquals(topic, tag(span, "messaging.destination.name"), describe(span));
        assertEquals(operation, tag(span, "messaging.operation.name"), describe(span));
        assertEquals(operation, tag(span, "messaging.operation.type"), describe(span));
        assertEquals(key, tag(span, "messaging.kafka.message.key"), describe(span));
    }
}
