package io.kafkaexample.testsupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example tabs of a service's GraphiQL ({@link GraphiQLExamples}) without a server: each is one named
 * operation of valid syntax under a comment that says what it does, with variables that fit it, and the
 * service's first steps open the page. Each service's test extends this; the smoke IT checks the tabs
 * against the running service's schema.
 */
public abstract class GraphiQLExamplesTest {

    private static final List<GraphiQLExamples.Tab> TABS = GraphiQLExamples.tabs();

    /** The titles of the first tabs, in order: what a newcomer to this service does first. */
    protected abstract List<String> firstTitles();

    @Test
    void everyTabIsOneNamedOperationOfValidSyntaxUnderItsComment() {
        assertAll(TABS.stream().map(tab -> () -> {
            OperationDefinition operation = assertDoesNotThrow(tab::operation, tab.query());
            assertTrue(operation.getName() != null && tab.query().startsWith("# "),
                    "a tab's title is its operation's name, and a comment on top says what it does:\n" + tab.query());
        }));
        Set<String> titles = new HashSet<>();
        assertTrue(TABS.stream().allMatch(tab -> titles.add(tab.title())), "two tabs of one title: " + titles);
    }

    @Test
    void theFirstTabsAreTheServicesFirstSteps() {
        List<String> titles = TABS.stream().map(GraphiQLExamples.Tab::title).toList();
        assertEquals(firstTitles(), titles.subList(0, Math.min(titles.size(), firstTitles().size())), "all tabs: " + titles);
    }

    @Test
    void theVariablesOfATabAreTheOnesItsOperationDeclares() {
        assertAll(TABS.stream().map(tab -> () -> {
            List<VariableDefinition> declared = tab.operation().getVariableDefinitions();
            Set<String> required = declared.stream().filter(v -> v.getType() instanceof NonNullType && v.getDefaultValue() == null)
                    .map(VariableDefinition::getName).collect(Collectors.toSet());
            Set<String> names = declared.stream().map(VariableDefinition::getName).collect(Collectors.toSet());
            assertAll(tab.title(),
                    () -> assertTrue(names.containsAll(tab.variables().keySet()), "undeclared variables in " + tab.variables()),
                    () -> assertTrue(tab.variables().keySet().containsAll(required), "required variables " + required
                            + " missing from " + tab.variables()));
        }));
    }

    @Test
    void aTabWithHeadersPrefillsTheTokenTemplateAndSaysWhereTheTokenComesFrom() {
        assertAll(TABS.stream().filter(tab -> !tab.headers().isEmpty()).map(tab -> () -> assertAll(tab.title(),
                () -> assertEquals(GraphiQLExamples.TOKEN_HEADER, tab.headers()),
                () -> assertTrue(tab.query().contains("Login") && tab.query().contains("Headers pane"), tab.query()))));
    }

    @Test
    void theFirstTabRunsWithoutAToken() {
        // GraphiQL stores no headers, so the page would add a first tab with headers again at every visit;
        // and the smoke IT runs the first tab without a token
        assertTrue(TABS.get(0).headers().isEmpty(), TABS.get(0).title() + " has headers " + TABS.get(0).headers());
    }
}
