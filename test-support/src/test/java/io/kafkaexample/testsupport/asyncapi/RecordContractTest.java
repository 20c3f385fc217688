package io.kafkaexample.testsupport.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.testsupport.Events;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The check of a record against kafka-docs/asyncapi.yaml, without Kafka: what passes, what fails and how it says so. */
class RecordContractTest {

    private static final AsyncApiDocument DOCUMENT = AsyncApiDocument.load();
    private static final RecordContract CONTRACT = new RecordContract(DOCUMENT);
    private static final Map<String, String> EVENT_HEADERS = Map.of("content-type", "application/cloudevents+json; charset=UTF-8");
    private static final String USER = "5f0c1e2d-8a7b-4c3d-9e1f-2a3b4c5d6e7f";
    private static final String USER_CREATED = Events.userCreated(Events.newId(), USER, "ada");

    @Test
    void everyExampleOfTheDocumentMatchesItsMessage() {
        int examples = 0;
        for (Object channel : ((Map<?, ?>) DOCUMENT.at("/channels")).values()) {
            for (AsyncApiDocument.Message message : DOCUMENT.messages(String.valueOf(((Map<?, ?>) channel).get("address")))) {
                for (Object example : (List<?>) message.node().getOrDefault("examples", List.of())) {
                    for (String part : List.of("headers", "payload")) {
                        Object instance = ((Map<?, ?>) example).get(part);
                        String json = Json.createObjectBuilder(cast(instance)).build().toString();
                        assertEquals(List.of(), DOCUMENT.schema(message.pointer() + "/" + part).validate(json, InputFormat.JSON),
                                message.name() + ": the " + part + " of its example");
                    }
                    examples++;
                }
            }
        }
        assertEquals(3, examples, "one example of each event");
    }

    @Test
    void theEventsTheTestsWriteAreEventsOfTheContract() {
        assertEquals(List.of(), CONTRACT.violations("new-user-created", USER, EVENT_HEADERS, USER_CREATED));
        assertEquals(List.of(), CONTRACT.violations("issued-token", USER, EVENT_HEADERS, Events.tokenIssued(Events.newId(), USER, "ada", Instant.now())));
    }

    @Test
    void aMissingFieldAWrongFormatOrAFieldTooManyFails() {
        assertViolation("new-user-created", USER, EVENT_HEADERS, USER_CREATED.replace("\"email\":\"ada@example.org\",", ""),
                "message 'user.created', value/data: required property 'email' not found");
        assertViolation("new-user-created", USER, EVENT_HEADERS, USER_CREATED.replaceFirst("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"2026-11-25 10:00\""),
                "message 'user.created', value/data/createdAt: does not match the date-time pattern");
        assertViolation("new-user-created", USER, EVENT_HEADERS, USER_CREATED.replace("\"role\":\"USER\"", "\"role\":\"USER\",\"password\":\"x\""),
                "'password' is not defined in the schema");
        assertViolation("new-user-created", USER, EVENT_HEADERS, USER_CREATED.replace("\"specversion\":\"1.0\",", ""),
                "value: required property 'specversion' not found");
    }

    @Test
    void anEventOnAnotherTopicThanItsOwnFails() {
        assertViolation("issued-token", USER, EVENT_HEADERS, USER_CREATED, "message 'token.issued', value/type: must be the constant value 'token.issued'");
        String token = Events.tokenIssued(Events.newId(), USER, "ada", Instant.now());
        assertViolation("new-user-created", USER, EVENT_HEADERS, token,
                "value: its type is none of the messages of new-user-created: [user.created, user.deleted]");
    }

    @Test
    void aKeyThatIsNotTheUserIdOrAMissingContentTypeFails() {
        assertViolation("new-user-created", "user-1", EVENT_HEADERS, USER_CREATED, "message 'user.created', key: does not match the uuid pattern");
        assertViolation("new-user-created", null, EVENT_HEADERS, USER_CREATED, "message 'user.created', key: null found, string expected");
        assertViolation("new-user-created", USER, Map.of(), USER_CREATED, "headers: required property 'content-type' not found");
    }

    @Test
    void theRetryCopiesThatCommonsCodecWritesMatchTheirMessagesWhateverTheValue() {
        var original = new ConsumerRecord<>("new-user-created", 3, 42L, USER, "{not a cloud event");
        original.headers().add("content-type", EVENT_HEADERS.get("content-type").getBytes(StandardCharsets.UTF_8));
        var side = FailedRecord.of(original, new IllegalStateException("no CloudEvent"), false, "consumer-svc", "consumer-svc-redelivery",
                Instant.now());
        assertEquals(List.of(), CONTRACT.violations("side-topic-for-retry", USER, RecordContract.headers(side.headers()), side.value()));
        var retry = FailedRecord.redelivery("consumer-svc-redelivery", USER, side.value(), side.headers(), "0123456789abcdef0123456789abcdef", 1);
        assertEquals(List.of(), CONTRACT.violations("consumer-svc-redelivery", USER, RecordContract.headers(retry.headers()), retry.value()));
        var letter = FailedRecord.deadLetter(USER, side.value(), side.headers(), "0123456789abcdef0123456789abcdef", 1, "not retryable: no CloudEvent", Instant.now());
        assertEquals(List.of(), CONTRACT.violations("dead-letter-queue", USER, RecordContract.headers(letter.headers()), letter.value()));
        var queued = new ConsumerRecord<>("dead-letter-queue", 5, 7L, USER, letter.value());
        letter.headers().forEach(queued.headers()::add);
        var replay = FailedRecord.replay(queued, "5-7@1767225600000", "consumer-svc-redelivery");
        assertEquals(List.of(), CONTRACT.violations("consumer-svc-redelivery", USER, RecordContract.headers(replay.headers()), replay.value()));
    }

    @Test
    void aRetryCopyWithoutItsHeadersFails() {
        var original = new ConsumerRecord<>("issued-token", 0, 1L, USER, "{}");
        var side = FailedRecord.of(original, new IllegalStateException("down"), true, "consumer-svc", "consumer-svc-redelivery", Instant.now());
        Map<String, String> headers = new HashMap<>(RecordContract.headers(side.headers()));
        headers.remove("retry-group");
        headers.put("retry-attempts", "0");
        List<String> violations = CONTRACT.violations("side-topic-for-retry", USER, headers, side.value());
        assertTrue(violations.contains("message 'failed record', headers: required property 'retry-group' not found"), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("message 'failed record', headers/retry-attempts: does not match")),
                violations::toString);
        assertViolation("consumer-svc-redelivery", USER, Map.of("retry-attempts", "2"), "{}", "headers: required property 'retry-id' not found");
        assertViolation("dead-letter-queue", USER, Map.of("retry-attempts", "2", "dlq-reason", "gave up", "dlq-at", "today"),
                "{}", "headers/dlq-at: does not match the date-time pattern");
    }

    @Test
    void aTopicWithoutChannelFailsAndTheAssertionNamesTheRecord() {
        assertEquals(List.of("topic: no channel of the document has the address it-smoke"), CONTRACT.violations("it-smoke", USER, Map.of(), "x"));
        var record = new ConsumerRecord<>("issued-token", 2, 9L, USER, "{broken");
        AssertionError error = assertThrows(AssertionError.class, () -> RecordContract.assertConforms(record));
        assertTrue(error.getMessage().startsWith("the record issued-token-2@9 does not match kafka-docs/asyncapi.yaml:"), error.getMessage());
        assertTrue(error.getMessage().contains("value: not JSON, but the message 'token.issued' has a payload schema"), error.getMessage());
    }

    private static void assertViolation(String topic, String key, Map<String, String> headers, String value, String expected) {
        List<String> violations = CONTRACT.violations(topic, key, headers, value);
        assertFalse(violations.isEmpty(), "no violation, expected: " + expected);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), "expected '" + expected + "' among " + violations);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }
}
