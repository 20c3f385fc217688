package io.kafkaexample.testsupport;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The example tabs a service's GraphiQL opens with, as the service's WAR defines them in
 * {@value #RESOURCE} (on the classpath of the service module's tests, as in the WAR).
 */
public final class GraphiQLExamples {

    public static final String RESOURCE = "META-INF/graphql-ui/examples.json";
    /** The one header a tab prefills: the template a user completes with the token of the producer's Login tab. */
    public static final JsonObject TOKEN_HEADER = Json.createObjectBuilder().add("Authorization", "Bearer <token>").build();

    private GraphiQLExamples() {
    }

    /** One tab: its query (a comment, then one operation), and its variables and headers (empty when it has none). */
    public record Tab(String query, JsonObject variables, JsonObject headers) {

        /** The tab's one operation; throws {@code InvalidSyntaxException} when the query is not GraphQL. */
        public OperationDefinition operation() {
            Document document = Parser.parse(query);
            if (document.getDefinitions().size() != 1 || !(document.getDefinitions().get(0) instanceof OperationDefinition op)) {
                throw new AssertionError("a tab holds exactly one operation, not " + document.getDefinitions().size()
                        + " definitions:\n" + query);
            }
            return op;
        }

        /** GraphiQL's title of the tab: the name of its operation. */
        public String title() {
            return operation().getName();
        }
    }

    /** The tabs, in the order the page opens them. */
    public static List<Tab> tabs() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: each WAR defines its GraphiQL's tabs there");
            }
            try (var reader = Json.createReader(in)) {
                return reader.readObject().getJsonArray("tabs").getValuesAs(JsonObject.class).stream().map(GraphiQLExamples::tab).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tab tab(JsonObject json) {
        // the page joins the lines the same way
        String query = json.getJsonArray("query").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.joining("\n", "", "\n"));
        return new Tab(query, json.getOrDefault("variables", JsonValue.EMPTY_JSON_OBJECT).asJsonObject(),
                json.getOrDefault("headers", JsonValue.EMPTY_JSON_OBJECT).asJsonObject());
    }
}
