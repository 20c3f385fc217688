package io.kafkaexample.common.graphql;

import io.kafkaexample.common.json.CachedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What makes a POST body a GraphQL-over-HTTP request, for either content type the runtime accepts. */
final class GraphQLRequestBody {

    static final int MAX_BYTES = 256 * 1024;
    static final String GRAPHQL_TYPE = "application/graphql";

    private GraphQLRequestBody() {
    }

    /**
     * The body as the runtime reads it, JSON: Liberty's GraphQL runtime parses every body as JSON, so a query sent
     * as {@code application/graphql} becomes {@code {"query": <body>}}.
     */
    static byte[] asJson(byte[] body, String contentType) {
        return isQueryText(contentType)
                ? CachedJson.objectBuilder().add("query", new String(body, StandardCharsets.UTF_8)).build().toString().getBytes(StandardCharsets.UTF_8)
                : body;
    }

    private static boolean isQueryText(String contentType) {
        return contentType != null && contentType.startsWith(GRAPHQL_TYPE);
    }

    /** The query of a body as {@link #asJson} gives it, which {@link #problemWith} accepted. */
    static String queryOf(byte[] json) {
        try (JsonReader reader = CachedJson.reader(new ByteArrayInputStream(json))) {
            return reader.readObject().getString("query");
        }
    }

    /** Why the body is not a GraphQL request, or null when it is one. */
    static String problemWith(byte[] body, String contentType) {
        if (body.length > MAX_BYTES) {
            return "the request is larger than " + MAX_BYTES / 1024 + " KB";
        }
        return isQueryText(contentType) ? problemWithQueryText(body) : problemWithJson(body);
    }

    private static String problemWithQueryText(byte[] body) {
        try {
            String query = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return query.isBlank() ? "the request body is empty: send the query as the body of " + GRAPHQL_TYPE : null;
        } catch (CharacterCodingException e) {
            return "the request body is not UTF-8 text";
        }
    }

    private static String problemWithJson(byte[] body) {
        JsonValue value;
        try (JsonReader reader = CachedJson.reader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) { // JsonException, and the parser's own for a body nested deeper than it reads
            return "the request body is not JSON: send {\"query\": \"...\", \"variables\": {...}}";
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return "the request body must be a JSON object with a \"query\"";
        }
        JsonObject object = value.asJsonObject();
        JsonValue query = object.get("query");
        if (query == null || query.getValueType() != JsonValue.ValueType.STRING) {
            return "the request body has no \"query\" string";
        }
        JsonValue variables = object.get("variables");
        if (variables != null && variables.getValueType() != JsonValue.ValueType.OBJECT
                && variables.getValueType() != JsonValue.ValueType.NULL) {
            return "\"variables\" must be a JSON object";
        }
        return null;
    }
}
