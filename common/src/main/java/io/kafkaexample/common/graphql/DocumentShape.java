package io.kafkaexample.common.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How deep a GraphQL document nests and how many fields it asks for, fragments expanded: what it costs to
 * run, measured before the runtime runs it. A fragment is measured once however often it is spread, so a
 * document of fragments that spread each other twice over ("fragment bomb") is measured in linear time
 * while its field count grows exponentially (it saturates at {@link Long#MAX_VALUE}).
 */
record DocumentShape(int depth, long fields) {

    private static final DocumentShape NONE = new DocumentShape(0, 0);

    /** The shape of the costliest operation of the document. */
    static DocumentShape of(String query) throws InvalidSyntaxException {
        Document document = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Measure measure = new Measure(fragments);
        int depth = 0;
        long fields = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            DocumentShape shape = measure.of(operation.getSelectionSet());
            depth = Math.max(depth, shape.depth);
            fields = Math.max(fields, shape.fields);
        }
        return new DocumentShape(depth, fields);
    }

    private static final class Measure {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, DocumentShape> measured = new HashMap<>();
        private final Set<String> open = new HashSet<>();

        Measure(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        DocumentShape of(SelectionSet set) {
            if (set == null) {
                return NONE;
            }
            int depth = 0;
            long fields = 0;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    DocumentShape below = of(field.getSelectionSet());
                    depth = Math.max(depth, below.depth + 1);
                    fields = plus(fields, plus(below.fields, 1));
                } else {
                    DocumentShape inner = selection instanceof InlineFragment inline ? of(inline.getSelectionSet())
                            : fragment(((FragmentSpread) selection).getName());
                    depth = Math.max(depth, inner.depth);
                    fields = plus(fields, inner.fields);
                }
            }
            return new DocumentShape(depth, fields);
        }

        /** A fragment's shape; an unknown or cyclic one counts nothing here, validation refuses it anyway. */
        private DocumentShape fragment(String name) {
            DocumentShape known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !open.add(name)) {
                return NONE;
            }
            DocumentShape shape = of(definition.getSelectionSet());
            open.remove(name);
            measured.put(name, shape);
            return shape;
        }

        private static long plus(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }
}
