package io.kafkaexample.common.event;

import io.kafkaexample.common.json.CachedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvent 1.0 in structured JSON mode, the value of every record on the contract's topics:
 * {@code {"specversion":"1.0","id":..,"source":..,"type":..,"time":..,"datacontenttype":"application/json","data":{..}}}.
 */
public record CloudEvent(String id, String source, String type, Instant time, JsonObject data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /**
     * How deep a value may nest; the contract's events nest three levels. A deeper one is refused before parsing:
     * the parser's own limit (1,000) is reported with a plain RuntimeException, and recursion that deep can
     * overflow a server thread's stack.
     */
    static final int MAX_DEPTH = 32;

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id, stamped now. */
    public static CloudEvent of(String source, String type, Instant time, JsonObject data) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type, time, data);
    }

    public String toJson() {
        return CachedJson.objectBuilder()
                .add("specversion", SPEC_VERSION)
                .add("id", id)
                .add("source", source)
                .add("type", type)
                .add("time", time.toString())
                .add("datacontenttype", JSON)
                .add("data", data)
                .build()
                .toString();
    }

    /** Reads a structured-mode CloudEvent, rejecting anything the contract does not allow. */
    public static CloudEvent parse(String json) throws InvalidEventException {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        if (nestsDeeperThan(json, MAX_DEPTH)) {
            throw new InvalidEventException("not a CloudEvent: nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonObject event;
        try (JsonReader reader = CachedJson.reader(json)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidEventException("not a JSON object");
            }
            event = value.asJsonObject();
        } catch (RuntimeException e) { // JsonException, and what the parser throws of its own for input it refuses
            throw new InvalidEventException("not JSON: " + e.getMessage());
        }
        String specVersion = requiredString(event, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("unsupported specversion '" + specVersion + "'");
        }
        String contentType = optionalString(event, "datacontenttype");
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw new InvalidEventException("datacontenttype must be application/json, not '" + contentType + "'");
        }
        JsonValue data = event.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidEventException("data must be a JSON object");
        }
        return new CloudEvent(requiredString(event, "id"), requiredString(event, "source"),
                requiredString(event, "type"), instant(requiredString(event, "time"), "time"), data.asJsonObject());
    }

    /** An RFC 3339 timestamp of the event or of its data. */
    /** Whether brackets and braces outside strings nest deeper than {@code limit}: one pass, no parsing. */
    private static boolean nestsDeeperThan(String json, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > limit) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    public static Instant instant(String text, String field) throws InvalidEventException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an RFC 3339 timestamp: '" + text + "'");
        }
    }

    public static String requiredString(JsonObject object, String field) throws InvalidEventException {
        String value = optionalString(object, field);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing " + field);
        }
        return value;
    }

    private static String optionalString(JsonObject object, String field) throws InvalidEventException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidEventException(field + " must be a string");
        }
        return object.getString(field);
    }
}
