package io.kafkaexample.testsupport.asyncapi;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A record checked against the message of its topic in kafka-docs/asyncapi.yaml: its key against the
 * message's Kafka key schema, its headers against the headers schema, its value against the payload schema.
 * Of the messages of a channel, an event is checked against the one named as its {@code type}. For the records
 * the services write: a test that injects a malformed record on purpose does not check it.
 */
public final class RecordContract {

    private static final class Shared {
        static final RecordContract CONTRACT = new RecordContract(AsyncApiDocument.load());
    }

    private final AsyncApiDocument document;

    RecordContract(AsyncApiDocument document) {
        this.document = document;
    }

    /** Fails, naming every difference, unless {@code record} is a message of its topic as the document says. */
    public static void assertConforms(ConsumerRecord<String, String> record) {
        List<String> violations = Shared.CONTRACT.violations(record.topic(), record.key(), headers(record.headers()), record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("the record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " does not match kafka-docs/asyncapi.yaml:" + violations.stream().collect(Collectors.joining("\n  ", "\n  ", ""))
                    + "\n  key: " + record.key() + "\n  headers: " + headers(record.headers()) + "\n  value: " + record.value());
        }
    }

    /** What keeps a record of {@code topic} from matching its message; empty if it matches. */
    List<String> violations(String topic, String key, Map<String, String> headers, String value) {
        List<AsyncApiDocument.Message> messages = document.messages(topic);
        if (messages.isEmpty()) {
            return List.of("topic: no channel of the document has the address " + topic);
        }
        Optional<JsonValue> json = json(value);
        Optional<AsyncApiDocument.Message> chosen = choose(messages, json);
        if (chosen.isEmpty()) {
            return List.of("value: its type is none of the messages of " + topic + ": "
                    + messages.stream().map(AsyncApiDocument.Message::name).toList());
        }
        AsyncApiDocument.Message message = chosen.get();
        List<String> violations = new ArrayList<>();
        message.key().ifPresent(schema -> check(schema, key == null ? "null" : Json.createValue(key).toString(), "key", violations));
        message.part("headers").ifPresent(schema -> check(schema, object(headers), "headers", violations));
        message.part("payload").ifPresent(schema -> {
            if (json.isPresent()) {
                check(schema, json.get().toString(), "value", violations);
            } else {
                violations.add("value: not JSON, but the message '" + message.name() + "' has a payload schema");
            }
        });
        return violations.stream().map(v -> "message '" + message.name() + "', " + v).toList();
    }

    /** The only message of a channel, or the one named as the event's type. */
    private static Optional<AsyncApiDocument.Message> choose(List<AsyncApiDocument.Message> messages, Optional<JsonValue> json) {
        if (messages.size() == 1) {
            return Optional.of(messages.get(0));
        }
        String type = json.filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject)
                .map(event -> event.get("type")).filter(JsonString.class::isInstance).map(t -> ((JsonString) t).getString())
                .orElse(null);
        return messages.stream().filter(m -> m.name().equals(type)).findFirst();
    }

    private void check(String pointer, String instance, String part, List<String> violations) {
        for (Error error : document.schema(pointer).validate(instance, InputFormat.JSON)) {
            violations.add(part + error);
        }
    }

    private static Optional<JsonValue> json(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(value))) {
            return Optional.of(reader.readValue());
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static String object(Map<String, String> headers) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        headers.forEach(object::add);
        return object.build().toString();
    }

    /** The record's headers as text, the last value of each name (the one a reader takes); one without a value is absent. */
    static Map<String, String> headers(Headers headers) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Header header : headers) {
            if (header.value() == null) {
                text.remove(header.key());
            } else {
                text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return text;
    }
}
