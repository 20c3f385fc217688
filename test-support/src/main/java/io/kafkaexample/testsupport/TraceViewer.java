package io.kafkaexample.testsupport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test stack's trace viewer (Zipkin) as its API answers, and a client that traces its own calls. A span is
 * Zipkin's JSON: {@code traceId id parentId name kind localEndpoint.serviceName tags}, its name in lower case.
 */
public final class TraceViewer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceViewer() {
    }

    /** The W3C {@code traceparent} of a new, sampled trace, as a client that traces its requests sends it. */
    public static String newTraceparent() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** The spans of trace {@code traceId} that the viewer has so far: none when it has none. */
    public static List<JsonObject> spans(String traceId) {
        HttpResponse<String> response = Http.get(TestStack.zipkinUrl() + "/api/v2/trace/" + traceId);
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("the trace viewer answered " + response.statusCode() + ": " + response.body());
        }
        try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonValue::asJsonObject);
        }
    }

    /**
     * Polls until trace {@code traceId} is {@code complete} (services export their spans every few seconds), and
     * returns its spans; fails with {@code what} and what the viewer has.
     */
    public static List<JsonObject> await(String traceId, String what, Duration timeout, Predicate<List<JsonObject>> complete)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> spans = spans(traceId);
        while (!complete.test(spans)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("trace " + traceId + " lacks " + what + " after " + timeout + "; it has: "
                        + spans.stream().map(TraceViewer::describe).toList());
            }
            Thread.sleep(500);
            spans = spans(traceId);
        }
        return spans;
    }

    public static String service(JsonObject span) {
        return span.getJsonObject("localEndpoint").getString("serviceName", "");
    }

    public static String tag(JsonObject span, String name) {
        JsonObject tags = span.getJsonObject("tags");
        return tags == null ? null : tags.getString(name, null);
    }

    /** {@code service kind name}, for messages. */
    public static String describe(JsonObject span) {
        return service(span) + " " + span.getString("kind", "-") + " " + span.getString("name", "");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
