package io.kafkaexample.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP half of the bad-input corpus: GraphQL with syntax errors, wrong types, wrong variables, deep nesting,
 * huge alias and argument lists, oversized and non-JSON bodies, wrong methods and content types; REST with wrong
 * methods, bodies and paths. Each must be answered below 500 and with no stack trace.
 */
final class HttpCorpus {

    /** Requests answered below 400 without an error that were allowed to be (listed in the row's notes). */
    static final List<String> ACCEPTED = new ArrayList<>();

    // HTTP/1.1 as curl speaks it: Java's default HTTP/2 upgrade answers an oversized header with GOAWAY on the
    // client side, where Liberty answers a plain request with 400
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpCorpus() {
    }

    /** A request of the corpus; {@code header}: the value of an oversized X-Bench header, or null. */
    record HttpCase(String name, String method, String url, String contentType, String body, String header) {
        HttpCase(String name, String method, String url, String contentType, String body) {
            this(name, method, url, contentType, body, null);
        }

        /** Every GraphQL document of the corpus is wrong or over a limit and must get an error; REST requests only no 5xx. */
        boolean mustFail() {
            return url.endsWith("/graphql");
        }
    }

    static List<HttpCase> cases() {
        List<HttpCase> cases = new ArrayList<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("producer", Bench.producerUrl() + "/graphql");
        endpoints.put("consumer", Bench.consumerUrl() + "/graphql");
        endpoints.put("retry", Bench.retryUrl() + "/graphql");
        Map<String, String> wrongArgument = Map.of(
                "producer", "mutation { login(username: 42, password: true) { token } }",
                "consumer", "{ notifications(limit: \"many\") { type } }",
                "retry", "{ pendingRetries(limit: \"all\") { id } }");
        Map<String, String> clientError = Map.of(
                "producer", "{ users { total } }",
                "consumer", "{ notifications(limit: 0) { type } }",
                "retry", "{ deadLetters(limit: 0) { id } }");
        String json = "application/json";
        for (var e : endpoints.entrySet()) {
            String s = e.getKey();
            String url = e.getValue();
            cases.add(gql(s + " syntax error", url, "{ ready "));
            cases.add(gql(s + " unknown field", url, "{ nope }"));
            cases.add(gql(s + " wrong argument type", url, wrongArgument.get(s)));
            cases.add(new HttpCase(s + " wrong variable type", "POST", url, json, Json.createObjectBuilder()
                    .add("query", "query Q($n: Int!) { ready }").add("variables", Json.createObjectBuilder().add("n", "abc"))
                    .build().toString()));
            cases.add(gql(s + " deep nesting (2000 levels)", url, "{ ready " + "{ a ".repeat(2000) + "}".repeat(2001)));
            cases.add(gql(s + " introspection nested 40 levels", url,
                    "{ __schema { types { " + "fields { type { ".repeat(20) + "name" + " } }".repeat(20) + " } } }"));
            StringBuilder aliases = new StringBuilder("{");
            for (int i = 0; i < 10_000; i++) {
                aliases.append(" a").append(i).append(": ready");
            }
            cases.add(gql(s + " 10,000 aliases", url, aliases.append(" }").toString()));
            StringBuilder list = new StringBuilder("{ ready(x: [");
            for (int i = 0; i < 20_000; i++) {
                list.append(i).append(',');
            }
            cases.add(gql(s + " list of 20,000 in an argument", url, list.append("]) }").toString()));
            cases.add(gql(s + " 300 KB body", url, "{ ready } #" + "x".repeat(300_000)));
            cases.add(new HttpCase(s + " body not JSON", "POST", url, json, "hello"));
            cases.add(new HttpCase(s + " JSON array body", "POST", url, json, "[{\"query\":\"{ ready }\"}]"));
            cases.add(new HttpCase(s + " query null", "POST", url, json, "{\"query\":null}"));
            cases.add(new HttpCase(s + " query a number", "POST", url, json, "{\"query\":42}"));
            cases.add(new HttpCase(s + " text/plain body", "POST", url, "text/plain", "{ ready }"));
            cases.add(new HttpCase(s + " application/graphql 300 KB body", "POST", url, "application/graphql", "{ ready } #" + "x".repeat(300_000)));
            cases.add(new HttpCase(s + " application/graphql empty body", "POST", url, "application/graphql", " "));
            cases.add(gql(s + " client error", url, clientError.get(s)));
            cases.add(new HttpCase(s + " application/graphql client error", "POST", url, "application/graphql", clientError.get(s)));
            StringBuilder bomb = new StringBuilder("{ ...F30 } fragment F0 on Query { ready }");
            for (int i = 1; i <= 30; i++) {
                bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
            }
            cases.add(gql(s + " fragment bomb (2^30 fields)", url, bomb.toString()));
            cases.add(new HttpCase(s + " GET introspection nested 40 levels", "GET", url + "?query=" + java.net.URLEncoder.encode(
                    "{ __schema { types { " + "fields { type { ".repeat(20) + "name" + " } }".repeat(20) + " } } }",
                    StandardCharsets.UTF_8), null, null));
            cases.add(new HttpCase(s + " GET without a query", "GET", url, null, null));
            cases.add(new HttpCase(s + " PUT", "PUT", url, json, "{\"query\":\"{ ready }\"}"));
            cases.add(new HttpCase(s + " DELETE", "DELETE", url, null, null));
        }
        String producer = Bench.producerUrl();
        String consumer = Bench.consumerUrl();
        StringBuilder logins = new StringBuilder("mutation {");
        StringBuilder signUps = new StringBuilder("mutation {");
        for (int i = 0; i < 100; i++) {
            logins.append(" l").append(i).append(": login(username: \"bench-nobody\", password: \"guess-").append(i).append("\") { token }");
            signUps.append(" s").append(i).append(": createUser(input: {username: \"flood").append(i).append(System.nanoTime())
                    .append("\", password: \"flood-password-1\", email: \"flood").append(i).append(System.nanoTime())
                    .append("@example.org\", firstName: \"F\", lastName: \"L\"}) { id }");
        }
        cases.add(gql("producer 100 aliased logins in one request", producer + "/graphql", logins.append(" }").toString()));
        cases.add(gql("producer 100 aliased sign-ups in one request", producer + "/graphql", signUps.append(" }").toString()));
        cases.add(gql("retry dead letters without a token", Bench.retryUrl() + "/graphql", "{ deadLetters(limit: 5) { id value } }"));
        cases.add(new HttpCase("POST /ping", "POST", consumer + "/ping", json, "{\"x\":1}"));
        cases.add(new HttpCase("DELETE /ping", "DELETE", consumer + "/ping", null, null));
        cases.add(new HttpCase("PUT ping-what", "PUT", producer + "/ping-what", "text/plain", "pong?"));
        cases.add(new HttpCase("POST jwks", "POST", producer + "/jwks", json, "{\"keys\":[]}"));
        cases.add(new HttpCase("POST notifications/stream", "POST", consumer + "/notifications/stream", json, "{"));
        cases.add(new HttpCase("GET unknown path", "GET", consumer + "/no/such/thing", null, null));
        cases.add(new HttpCase("GET ping-what with a 20 KB query string", "GET", producer + "/ping-what?x=" + "y".repeat(20_000), null, null));
        cases.add(new HttpCase("GET ping-what with a 64 KB header", "GET", producer + "/ping-what", null, null, "z".repeat(65_536)));
        for (String server : List.of(Bench.serverOf(producer), consumer, Bench.serverOf(Bench.retryUrl()))) {
            cases.add(new HttpCase("POST " + server + "/health/ready", "POST", server + "/health/ready", json, "{}"));
            cases.add(new HttpCase("POST " + server + "/metrics", "POST", server + "/metrics", "text/plain", "x 1"));
        }
        return cases;
    }

    private static HttpCase gql(String name, String url, String query) {
        return new HttpCase(name, "POST", url, "application/json", Json.createObjectBuilder().add("query", query).build().toString());
    }

    /** null when the answer is a clear client error (or a GraphQL error), else what was wrong. */
    static String check(HttpCase c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(c.url())).timeout(Duration.ofSeconds(30));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.header() != null) {
            request.header("X-Bench", c.header());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return c.name() + ": no answer (" + e + ")";
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        Bench.log(c.name() + ": " + status + " " + shown.replace('\n', ' '));
        if (status >= 500) {
            return c.name() + ": " + status + " " + shown;
        }
        // DataFetchingException is graphql-java's classification of a field's error, not a class of the service
        String named = body.replace("\"DataFetchingException\"", "");
        if (named.contains("\tat ") || named.contains("Exception") || named.contains("\"exception\"") || named.contains("io.kafkaexample.")) {
            return c.name() + ": the answer leaks internals: " + shown;
        }
        if (status >= 400) {
            return null;
        }
        if (body.contains("\"errors\"")) {
            return null;
        }
        // answered without an error: fine for a REST request the server may serve anyway (a POST to a
        // health check, an unknown query parameter) and for a valid if large GraphQL document
        if (!c.mustFail()) {
            ACCEPTED.add(c.name() + " (" + status + ")");
            return null;
        }
        return c.name() + ": " + status + " without an error: " + shown;
    }
}
