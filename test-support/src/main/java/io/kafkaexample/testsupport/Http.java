package io.kafkaexample.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the tests: what a user of the services would call, nothing more. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    public static HttpResponse<String> get(String url) {
        return get(url, Map.of());
    }

    /** The same with request headers, such as the {@code traceparent} of a client that traces its calls. */
    public static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POSTs a GraphQL query and returns the whole response document ({@code data} and {@code errors}). */
    public static JsonObject graphql(String endpoint, String query) {
        return graphql(endpoint, query, null);
    }

    /** The same, as the holder of an access token ({@code Authorization: Bearer}); no token when null. */
    public static JsonObject graphql(String endpoint, String query, String token) {
        return graphql(endpoint, query, token, Map.of());
    }

    /** The same with more request headers, such as the {@code X-Forwarded-For} a load balancer adds. */
    public static JsonObject graphql(String endpoint, String query, String token, Map<String, String> headers) {
        String body = Json.createObjectBuilder().add("query", query).build().toString();
        HttpResponse<String> response = post(endpoint, "application/json", body, token, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    public static HttpResponse<String> post(String url, String contentType, String body, String token) {
        return post(url, contentType, body, token, Map.of());
    }

    public static HttpResponse<String> post(String url, String contentType, String body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
