package io.kafkaexample.retry.store;

import io.kafkaexample.common.json.CachedJson;
import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record to redeliver, as kept in Redis until its due time: key, value and every header, all bytes in
 * base64, so the redelivery is byte-identical to the record that failed. Redis holds it because the
 * side-topic offset is committed before the redelivery: after a crash, Redis is the only copy.
 */
public record StoredRecord(byte[] key, byte[] value, Headers headers) {

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public static StoredRecord of(FailedMessage message) {
        return new StoredRecord(message.key(), message.value(), message.headers());
    }

    public String toJson() {
        JsonArrayBuilder encodedHeaders = CachedJson.arrayBuilder();
        for (Header header : headers) {
            encodedHeaders.add(CachedJson.arrayBuilder()
                    .add(header.key())
                    .add(header.value() == null ? "" : ENCODER.encodeToString(header.value())));
        }
        JsonObjectBuilder json = CachedJson.objectBuilder().add("headers", encodedHeaders);
        addNullable(json, "key64", key);
        addNullable(json, "value64", value);
        return json.build().toString();
    }

    public static StoredRecord parse(String json) {
        try (var reader = CachedJson.reader(json)) {
            JsonObject object = reader.readObject();
            Headers headers = new RecordHeaders();
            for (JsonValue entry : object.getJsonArray("headers")) {
                var pair = entry.asJsonArray();
                headers.add(pair.getString(0), DECODER.decode(pair.getString(1)));
            }
            return new StoredRecord(bytes(object, "key"), bytes(object, "value"), headers);
        }
    }

    /** Retry {@code id}'s record for {@code topic}, its headers saying it failed {@code attempts} times so far. */
    public ProducerRecord<byte[], byte[]> toTopic(String topic, String id, int attempts) {
        return FailedRecord.redelivery(topic, key, value, headers, id, attempts);
    }

    // an entry scheduled before values were kept as bytes has them as text under "key" and "value"
    private static byte[] bytes(JsonObject object, String name) {
        if (object.containsKey(name + "64")) {
            return object.isNull(name + "64") ? null : DECODER.decode(object.getString(name + "64"));
        }
        return Utf8.bytes(object.getString(name, null));
    }

    private static void addNullable(JsonObjectBuilder json, String name, byte[] bytes) {
        if (bytes == null) {
            json.addNull(name);
        } else {
            json.add(name, ENCODER.encodeToString(bytes));
        }
    }
}
