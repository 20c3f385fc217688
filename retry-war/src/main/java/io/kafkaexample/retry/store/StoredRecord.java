package io.kafkaexample.retry.store;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record to redeliver, as kept in Redis until its due time: key, value and every header (values in
 * base64, since a foreign header need not be text). Redis holds it because the side-topic offset is
 * committed before the redelivery: after a crash, Redis is the only copy.
 */
public record StoredRecord(String key, String value, Headers headers) {

    public static StoredRecord of(FailedMessage message) {
        return new StoredRecord(message.key(), message.value(), message.headers());
    }

    public String toJson() {
        JsonArrayBuilder encodedHeaders = Json.createArrayBuilder();
        for (Header header : headers) {
            encodedHeaders.add(Json.createArrayBuilder()
                    .add(header.key())
                    .add(header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value())));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("headers", encodedHeaders);
        addNullable(json, "key", key);
        addNullable(json, "value", value);
        return json.build().toString();
    }

    public static StoredRecord parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Headers headers = new RecordHeaders();
            for (JsonValue entry : object.getJsonArray("headers")) {
                var pair = entry.asJsonArray();
                headers.add(pair.getString(0), Base64.getDecoder().decode(pair.getString(1)));
            }
            return new StoredRecord(object.getString("key", null), object.getString("value", null), headers);
        }
    }

    /** The record for {@code topic}, its headers saying it failed {@code attempts} times so far. */
    public ProducerRecord<String, String> toTopic(String topic, int attempts) {
        return FailedRecord.redelivery(topic, key, value, headers, attempts);
    }

    private static void addNullable(JsonObjectBuilder json, String name, String text) {
        if (text == null) {
            json.addNull(name);
        } else {
            json.add(name, text);
        }
    }
}
