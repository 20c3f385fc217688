package io.kafkaexample.testsupport.asyncapi;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * kafka-docs/asyncapi.yaml as the tests read it: the messages of each topic's channel and the JSON Schemas of
 * their parts. test-support's build puts the document itself on the classpath, so there is no copy of it.
 * Schemas are the document's own (AsyncAPI schemas are JSON Schema draft 07), their {@code $ref}s resolved
 * within the document, formats such as date-time and uuid asserted.
 */
public final class AsyncApiDocument {

    static final String RESOURCE = "asyncapi.yaml";
    /** The name the document's $refs resolve against; it is registered, never fetched. */
    private static final String BASE = "https://kafka-example.invalid/kafka-docs/asyncapi.yaml";

    private final Map<String, Object> root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    AsyncApiDocument(String yaml) {
        this.root = (Map<String, Object>) new Load(LoadSettings.builder().setLabel(RESOURCE).build()).loadFromString(yaml);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDialect(Dialects.getDraft7(), b -> b.schemas(Map.of(BASE, yaml)).schemaRegistryConfig(config));
    }

    /** The document test-support was built with. */
    public static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build test-support with Maven");
            }
            return new AsyncApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message of a channel: its name (an event's type) and where it is in the document. */
    public record Message(String name, String pointer, Map<String, Object> node) {

        /** The pointer of the message's key schema, if it has one. */
        Optional<String> key() {
            Object bindings = node.get("bindings");
            return bindings instanceof Map<?, ?> b && b.get("kafka") instanceof Map<?, ?> kafka && kafka.containsKey("key")
                    ? Optional.of(pointer + "/bindings/kafka/key") : Optional.empty();
        }

        /** The pointer of the message's headers or payload schema, if it has one. */
        Optional<String> part(String field) {
            return node.containsKey(field) ? Optional.of(pointer + "/" + field) : Optional.empty();
        }
    }

    /** The messages of the channel whose address is {@code topic}, in the document's order; empty if there is none. */
    public List<Message> messages(String topic) {
        List<Message> messages = new ArrayList<>();
        for (Map.Entry<String, Object> channel : map(root.get("channels"), "/channels").entrySet()) {
            Map<String, Object> node = map(channel.getValue(), "/channels/" + channel.getKey());
            if (topic.equals(node.get("address"))) {
                map(node.get("messages"), "messages of " + channel.getKey()).forEach((id, message) -> {
                    String pointer = resolve(message, "/channels/" + channel.getKey() + "/messages/" + id);
                    Map<String, Object> resolved = map(at(pointer), pointer);
                    messages.add(new Message(String.valueOf(resolved.get("name")), pointer, resolved));
                });
            }
        }
        return messages;
    }

    /** The JSON Schema at {@code pointer} (such as "/components/schemas/CloudEvent"). */
    public Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    }

    /** The node at a JSON pointer of the document. */
    public Object at(String pointer) {
        Object node = root;
        for (String token : pointer.substring(1).split("/")) {
            node = map(node, pointer).get(token.replace("~1", "/").replace("~0", "~"));
        }
        if (node == null) {
            throw new IllegalArgumentException(RESOURCE + " has nothing at " + pointer);
        }
        return node;
    }

    /** The pointer a node stands for: its own, or the one its local $ref names. */
    private String resolve(Object node, String pointer) {
        Object ref = node instanceof Map<?, ?> m ? m.get("$ref") : null;
        if (ref == null) {
            return pointer;
        }
        String target = String.valueOf(ref);
        if (!target.startsWith("#/")) {
            throw new IllegalArgumentException(RESOURCE + ", " + pointer + ": only local $refs are read here, not " + target);
        }
        return resolve(at(target.substring(1)), target.substring(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(RESOURCE + ": expected a mapping at " + where + ", found " + node);
    }
}
