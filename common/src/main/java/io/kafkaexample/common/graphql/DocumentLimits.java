package io.kafkaexample.common.graphql;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import io.kafkaexample.common.config.ConfigValues;

/**
 * How deep a document may nest and how many fields it may ask for ({@code graphql.max-depth},
 * {@code graphql.max-fields}): the OWASP GraphQL cheat sheet's depth and amount limits, applied to every
 * document before the runtime sees it. Liberty's GraphQL runtime does not apply SmallRye's own limits.
 */
record DocumentLimits(int maxDepth, long maxFields) {

    static DocumentLimits of(String maxDepth, String maxFields) {
        return new DocumentLimits(ConfigValues.positiveInt("graphql.max-depth", maxDepth),
                ConfigValues.positiveInt("graphql.max-fields", maxFields));
    }

    /** Why the document may not run, or null; a syntax error is left to the runtime, which reports it. */
    String problemWith(String query) {
        DocumentShape shape;
        try {
            shape = DocumentShape.of(query);
        } catch (ParseCancelledException e) {
            return "the document has too many tokens: split it into smaller requests";
        } catch (InvalidSyntaxException e) {
            return null;
        }
        if (shape.depth() > maxDepth) {
            return "the document nests " + shape.depth() + " levels deep; at most " + maxDepth + " are allowed";
        }
        if (shape.fields() > maxFields) {
            return "the document asks for " + (shape.fields() == Long.MAX_VALUE ? "too many" : shape.fields())
                    + " fields (fragments counted where they are spread); at most " + maxFields + " are allowed";
        }
        return null;
    }
}
