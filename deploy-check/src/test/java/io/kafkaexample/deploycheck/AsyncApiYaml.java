package io.kafkaexample.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An AsyncAPI document as {@link AsyncApiTest} reads it: its channels by address, its messages, and its schemas
 * with their local {@code $ref}s resolved and their {@code allOf}, {@code anyOf} and {@code oneOf} followed.
 */
final class AsyncApiYaml {

    private static final List<String> COMBINATIONS = List.of("allOf", "anyOf", "oneOf");

    private final Map<String, Object> root;

    AsyncApiYaml(Map<String, Object> root) {
        this.root = root;
    }

    /** Every channel by its address (the topic). */
    Map<String, Map<String, Object>> channelsByAddress() {
        Map<String, Map<String, Object>> channels = new TreeMap<>();
        map(root.get("channels")).values().forEach(channel -> channels.put(String.valueOf(resolve(channel).get("address")), resolve(channel)));
        return channels;
    }

    /** The messages of components.messages by id. */
    Map<String, Map<String, Object>> messages() {
        Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
        map(node(root, "components", "messages")).forEach((id, message) -> messages.put(id, resolve(message)));
        return messages;
    }

    /** The address of the channel that lists message {@code id} of components.messages; null if none does. */
    String addressOf(String id) {
        String ref = "#/components/messages/" + id;
        return channelsByAddress().entrySet().stream()
                .filter(c -> map(c.getValue().get("messages")).values().stream().anyMatch(m -> ref.equals(map(m).get("$ref"))))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Adds the header names a headers schema defines (its properties) and those it requires, through every combination. */
    void headerNames(Object schema, Set<String> defined, Set<String> required) {
        if (schema == null) {
            return;
        }
        Map<String, Object> resolved = resolve(schema);
        defined.addAll(map(resolved.get("properties")).keySet());
        required.addAll(strings(resolved.get("required")));
        for (String combination : COMBINATIONS) {
            for (Object part : list(resolved.get(combination))) {
                headerNames(part, defined, required);
            }
        }
    }

    /** The property schemas of an object schema, each name with every schema its combinations give it. */
    Map<String, List<Object>> properties(Object schema) {
        Map<String, List<Object>> properties = new LinkedHashMap<>();
        collect(resolve(schema), properties);
        return properties;
    }

    private void collect(Map<String, Object> schema, Map<String, List<Object>> properties) {
        map(schema.get("properties")).forEach((name, property) -> properties.computeIfAbsent(name, n -> new ArrayList<>()).add(property));
        for (String combination : COMBINATIONS) {
            list(schema.get(combination)).forEach(part -> collect(resolve(part), properties));
        }
    }

    /** The node itself, or the node its local $ref points at, followed until it is no reference. */
    Map<String, Object> resolve(Object node) {
        Map<String, Object> map = map(node);
        Object ref = map.get("$ref");
        if (ref == null) {
            return map;
        }
        String pointer = String.valueOf(ref);
        if (!pointer.startsWith("#/")) {
            throw new AssertionError(AsyncApiTest.DOCUMENT + " refers outside itself: " + pointer);
        }
        Object target = node(root, pointer.substring(2).split("/"));
        if (target == null) {
            throw new AssertionError(AsyncApiTest.DOCUMENT + ": nothing at " + pointer);
        }
        return resolve(target);
    }

    /** The node at a path of keys below {@code from}; null if there is none. */
    Object node(Map<String, Object> from, String... path) {
        Object node = from;
        for (String key : path) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }

    List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }
}
