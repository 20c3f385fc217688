package io.kafkaexample.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.parser.InvalidSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentShapeTest {

    @Test
    void fieldsAndNestingAreCountedThroughAliasesAndInlineFragments() {
        assertEquals(new DocumentShape(1, 1), DocumentShape.of("{ me }"));
        assertEquals(new DocumentShape(3, 6), DocumentShape.of("{ a: me { id role { name } } b: me { ... on User { id } } }"));
        assertEquals(new DocumentShape(2, 3), DocumentShape.of("query A { me { id } } query B { users { total } other }"),
                "the costliest of the operations");
    }

    @Test
    void aFragmentCountsWhereverItIsSpreadAndABombSaturatesInsteadOfRunningForever() {
        assertEquals(new DocumentShape(3, 8), DocumentShape.of(
                "{ me { ...U } other { ...U } } fragment U on User { id role { name } }"));
        StringBuilder bomb = new StringBuilder("{ ...F0 } fragment F0 on Query { a }");
        for (int i = 1; i <= 70; i++) {
            bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        bomb.replace(0, "{ ...F0 }".length(), "{ ...F70 }");
        assertEquals(Long.MAX_VALUE, DocumentShape.of(bomb.toString()).fields());
    }

    @Test
    void cyclicAndUnknownFragmentsEndTheWalk() {
        assertEquals(new DocumentShape(1, 2), DocumentShape.of("{ ...A } fragment A on Query { x ...B } fragment B on Query { y ...A ...Missing }"));
    }

    @Test
    void graphiqlsOwnIntrospectionStaysWithinTheDefaultLimits() throws IOException {
        DocumentShape shape = DocumentShape.of(resource("/graphiql-introspection.graphql"));
        assertEquals(13, shape.depth());
        assertTrue(shape.fields() < 500, "fields: " + shape.fields());
    }

    @Test
    void aDocumentThatIsNotGraphQLIsASyntaxError() {
        assertThrows(InvalidSyntaxException.class, () -> DocumentShape.of("{ me { id "));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocumentShapeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
