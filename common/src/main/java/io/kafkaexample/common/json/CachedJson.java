package io.kafkaexample.common.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.StringReader;

/**
 * Jakarta JSON through one provider looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up on every call (a service-loader search through the server's class loaders): on the event path
 * that search took a quarter of the consumer's CPU.
 */
public final class CachedJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private CachedJson() {
    }

    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }

    public static JsonReader reader(InputStream json) {
        return PROVIDER.createReader(json);
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder objectBuilder(JsonObject copyOf) {
        return PROVIDER.createObjectBuilder(copyOf);
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }
}
