package io.kafkaexample.testsupport;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's GraphQL schema as its running server reports it (introspection), rebuilt without anything
 * behind it: a document run against it fails only where the server would refuse it before running it.
 */
public final class LiveSchema {

    // what the server would refuse: the document against the schema, the variables against their types
    private static final Set<ErrorType> REFUSALS = Set.of(ErrorType.InvalidSyntax, ErrorType.ValidationError);
    // the types, fields and arguments only: features the server's GraphQL runtime may not know stay out
    private static final IntrospectionQueryBuilder.Options INTROSPECTION = IntrospectionQueryBuilder.Options.defaultOptions()
            .descriptions(false).specifiedByUrl(false).isOneOf(false).directiveIsRepeatable(false)
            .schemaDescription(false).inputValueDeprecation(false);

    private final GraphQL graphql;

    private LiveSchema(GraphQLSchema schema) {
        graphql = GraphQL.newGraphQL(schema).build();
    }

    /** The schema of the service whose GraphQL endpoint is {@code endpoint}. */
    public static LiveSchema of(String endpoint) {
        JsonObject answer = Http.graphql(endpoint, IntrospectionQueryBuilder.build(INTROSPECTION));
        if (answer.containsKey("errors")) {
            throw new AssertionError("introspection of " + endpoint + " failed: " + answer.get("errors"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) plain(answer.getJsonObject("data"));
        var sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        return new LiveSchema(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl)));
    }

    /** Why the server would refuse {@code query} with {@code variables} before running it; empty when it would not. */
    @SuppressWarnings("unchecked")
    public List<String> refusals(String query, JsonObject variables) {
        var input = ExecutionInput.newExecutionInput(query).variables((Map<String, Object>) plain(variables)).build();
        return graphql.execute(input).getErrors().stream()
                .filter(e -> e.getErrorType() instanceof ErrorType type && REFUSALS.contains(type))
                .map(GraphQLError::getMessage).toList();
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> ((JsonArray) value).stream().map(LiveSchema::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValueExact()
                    : (Object) ((JsonNumber) value).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }
}
