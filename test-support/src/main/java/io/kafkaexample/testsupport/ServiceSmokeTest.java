package io.kafkaexample.testsupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * What every service passes as soon as it runs: ready with both dependencies, GraphQL served, GraphiQL
 * opening with the service's example tabs, each valid, the first one answering, and the Kafka broker and
 * Redis it uses really working. Each service's smoke IT extends this.
 */
public abstract class ServiceSmokeTest {

    /** The service's base URL, context root included, without a trailing slash. */
    protected abstract String baseUrl();

    /** A query of this service that fails with a client error (a bad argument, a missing token). */
    protected abstract String failingQuery();

    /** The service's own root (where /health lives): its base URL without the context root. */
    private String serverUrl() {
        URI base = URI.create(baseUrl());
        return base.getScheme() + "://" + base.getAuthority();
    }

    @Test
    void readyOnlyWithKafkaAndRedisUp() {
        var response = Http.get(serverUrl() + "/health/ready");
        JsonObject health = Http.json(response.body());
        List<String> up = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "UP".equals(c.getString("status"))).map(c -> c.getString("name")).sorted().toList();
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals("UP", health.getString("status"), response.body()),
                () -> assertTrue(up.containsAll(List.of("kafka", "redis")), response.body()));
    }

    @Test
    void liveMetricsAndOpenApiAreServed() {
        String live = Http.get(serverUrl() + "/health/live").body();
        String metrics = Http.get(serverUrl() + "/metrics").body();
        String openapi = Http.get(serverUrl() + "/openapi").body();
        assertAll(
                () -> assertEquals("UP", Http.json(live).getString("status"), live),
                () -> assertTrue(metrics.contains("jvm_uptime_seconds"), metrics),
                () -> assertTrue(openapi.contains("openapi: 3."), openapi));
    }

    @Test
    void graphqlAnswersAQuery() {
        JsonObject response = Http.graphql(baseUrl() + "/graphql", "{ ready }");
        assertEquals(true, response.getJsonObject("data").getBoolean("ready"), response.toString());
    }

    @Test
    void everyContentTypeHasTheSameLimitsAndNoAnswerNamesAJavaClass() {
        String endpoint = baseUrl() + "/graphql";
        var plain = Http.post(endpoint, "application/graphql", "{ ready }", null);
        assertEquals(true, Http.json(plain.body()).getJsonObject("data").getBoolean("ready"), plain.body());

        var huge = Http.post(endpoint, "application/graphql", "{ ready " + "a ".repeat(150_000) + "}", null);
        assertAll(
                () -> assertEquals(413, huge.statusCode(), huge.body()),
                () -> assertEquals("the request is larger than 256 KB", firstError(huge.body()).getString("message")));
        var empty = Http.post(endpoint, "application/graphql", " ", null);
        assertEquals(400, empty.statusCode(), empty.body());

        for (String type : List.of("application/json", "application/graphql")) {
            String body = type.equals("application/json")
                    ? jakarta.json.Json.createObjectBuilder().add("query", failingQuery()).build().toString() : failingQuery();
            var failed = Http.post(endpoint, type, body, null);
            JsonObject error = firstError(failed.body());
            assertAll(type,
                    () -> assertTrue(!error.getString("message").isBlank(), failed.body()),
                    () -> assertTrue(!failed.body().contains("exception") && !failed.body().contains("io.kafkaexample")
                            && !failed.body().contains("java."), "names a class: " + failed.body()));
        }
    }

    private static JsonObject firstError(String answer) {
        return Http.json(answer).getJsonArray("errors").getJsonObject(0);
    }

    /**
     * How the test runs the first tab of this service's GraphiQL so that its answer means something on this
     * stack: the variables a user would type over the tab's own (null: the tab's own), and what the answer
     * must hold (compared without whitespace).
     */
    public record FirstTab(String variables, String answerHolds) {
    }

    /** Prepares the stack for the first tab (a user to read, say) and tells how to run it. */
    protected abstract FirstTab firstTab() throws InterruptedException;

    @Test
    void graphiqlOpensWithTheServicesExamplesAndRunsTheFirstWithoutInternet() throws InterruptedException {
        FirstTab first = firstTab();
        try (var browser = new GraphiQLBrowser()) {
            GraphiQLBrowser.Outcome outcome = browser.runFirstTab(baseUrl() + "/graphql-ui/", first.variables());
            String answer = outcome.result().replaceAll("\\s", "");
            assertAll(
                    () -> assertEquals(GraphiQLExamples.tabs().stream().map(GraphiQLExamples.Tab::title).toList(), outcome.tabs(),
                            "the tabs, as " + GraphiQLExamples.RESOURCE + " lists them"),
                    () -> assertTrue(answer.contains(first.answerHolds()) && !answer.contains("\"errors\""), outcome.result()),
                    () -> assertEquals(List.of(), outcome.pageErrors(), "errors on the page"),
                    () -> assertEquals(List.of(), outcome.failedRequests(), "requests that failed"));
        }
    }

    @Test
    void aReturningBrowserKeepsItsOwnTabsAndFindsTheFirstExampleAgain() {
        List<String> titles = GraphiQLExamples.tabs().stream().map(GraphiQLExamples.Tab::title).toList();
        try (var browser = new GraphiQLBrowser()) {
            List<String> expected = new ArrayList<>(titles.subList(1, titles.size()));
            expected.add(titles.get(0));
            assertEquals(expected, browser.tabsAfterClosingTheFirstAndComingBack(baseUrl() + "/graphql-ui/"));
        }
    }

    @Test
    void everyExampleTabIsValidAgainstTheServicesSchema() {
        LiveSchema schema = LiveSchema.of(baseUrl() + "/graphql");
        Map<String, List<String>> refused = new TreeMap<>();
        for (GraphiQLExamples.Tab tab : GraphiQLExamples.tabs()) {
            List<String> refusals = schema.refusals(tab.query(), tab.variables());
            if (!refusals.isEmpty()) {
                refused.put(tab.title(), refusals);
            }
        }
        assertEquals(Map.of(), refused, "example tabs the service would refuse, with their variables");
    }

    @Test
    void aRecordWrittenToKafkaIsReadBack() throws Exception {
        String topic = "it-smoke";
        KafkaProbe.ensureTopic(topic, 8);
        String key = UUID.randomUUID().toString();
        var written = KafkaProbe.send(topic, key, "hello from " + getClass().getSimpleName());
        var read = KafkaProbe.readAt(written);
        assertAll(
                () -> assertEquals(key, read.key()),
                () -> assertEquals("hello from " + getClass().getSimpleName(), read.value()));
    }

    @Test
    void redisAnswers() {
        try (var redis = new Jedis(URI.create(TestStack.redisUrl()))) {
            String key = "it:smoke:" + UUID.randomUUID();
            redis.setex(key, 60, "ok");
            assertAll(
                    () -> assertEquals("PONG", redis.ping()),
                    () -> assertEquals("ok", redis.get(key)));
            redis.del(key);
        }
    }
}
