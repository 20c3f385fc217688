package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * kafka-docs/asyncapi.yaml is an AsyncAPI document without errors (the AsyncAPI parser, installed from npm into
 * .stack/lib/asyncapi-parser on first use, says so) and says what the sources say: its channels are the topics,
 * it names every header the services write, and every event type has its message, on the topic of
 * docs/contract.md, with the schema of the event's data that consumer-svc requires.
 */
class AsyncApiTest {

    static final String DOCUMENT = "kafka-docs/asyncapi.yaml";

    private static final AsyncApiYaml YAML = new AsyncApiYaml(Repo.yaml(DOCUMENT));
    private static final String COMMON = "common/src/main/java/io/kafkaexample/common/";
    private static final List<String> SERVICES = List.of("producer-war", "consumer-war", "retry-war");
    private static final Pattern HEADER_ADDED = Pattern.compile("headers\\(\\)\\.add\\(\"([^\"]+)\"");
    private static final Pattern REQUIRED_FIELDS = Pattern.compile("static final List<String> [A-Z_]+_FIELDS = List\\.of\\(([^)]*)\\);");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void theAsyncApiParserReportsNoError() {
        Path modules = Tools.npmPackage(".stack/lib/asyncapi-parser", "@asyncapi/parser", System.getProperty("asyncapi-parser.version"),
                "--ignore-scripts"); // the parser needs none, and one of its dependencies' reports every install over the network
        Tools.Result result = Tools.run(List.of(Tools.onPath("node"), "deploy-check/src/test/js/asyncapi-validate.cjs", DOCUMENT),
                Map.of("NODE_PATH", modules.toString()), 120);
        assertEquals(0, result.exit(), "@asyncapi/parser on " + DOCUMENT + ":\n" + result.output());
        System.out.print("@asyncapi/parser on " + DOCUMENT + ":\n" + result.output());
    }

    @Test
    void itsChannelsAreTheTopicsOfTheCodeAndOfTheTopicsFile() {
        Map<String, Map<String, Object>> channels = YAML.channelsByAddress();
        assertEquals(new TreeSet<>(Sources.stringConstants(COMMON + "kafka/Topics.java").values()), channels.keySet(),
                "the topics of Topics.java against the channels of " + DOCUMENT);
        assertEquals(new TreeSet<>(Repo.topics()), channels.keySet(), "kafka-docs/config/topics against the channels of " + DOCUMENT);
        channels.forEach((topic, channel) -> assertEquals(Repo.partitions(), YAML.node(channel, "bindings", "kafka", "partitions"),
                DOCUMENT + ": the partitions of " + topic + " are num.partitions of kafka-docs/config/server.properties"));
    }

    @Test
    void itNamesEveryHeaderTheServicesWriteAndNoOtherRetryHeader() {
        Set<String> defined = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        YAML.messages().forEach((id, message) -> YAML.headerNames(message.get("headers"), defined, required));
        Set<String> retryHeaders = new TreeSet<>(Sources.stringConstants(COMMON + "kafka/RetryHeaders.java").values());
        Set<String> written = new TreeSet<>(retryHeaders);
        // every hop that sends a record writes its trace context (common's tracing) when tracing is on
        written.addAll(Sources.stringConstants(COMMON + "tracing/TraceHeaders.java").values());
        SERVICES.forEach(module -> written.addAll(Sources.literals(Repo.path(module + "/src/main/java"), HEADER_ADDED)));
        assertTrue(written.size() > retryHeaders.size() + 2, "no header added by name in the services' sources: " + written);

        assertTrue(defined.containsAll(written), DOCUMENT + " lacks headers the code writes: " + difference(written, defined));
        assertEquals(retryHeaders, new TreeSet<>(defined.stream().filter(h -> h.startsWith("retry-") || h.startsWith("dlq-")).toList()),
                "the retry-* and dlq-* headers of " + DOCUMENT + " against RetryHeaders.java");
        assertTrue(defined.containsAll(required), DOCUMENT + " requires headers it does not define: " + difference(required, defined));
    }

    @Test
    void everyEventTypeHasAMessageOnItsTopicWithTheSchemaOfTheDataConsumerSvcRequires() {
        Map<String, String> constants = Sources.stringConstants(COMMON + "event/EventTypes.java");
        Map<String, String> topics = new TreeMap<>();
        ContractDoc.read().rows("## CloudEvents", "| type |").forEach(row -> topics.put(ContractDoc.code(row.get(0)), ContractDoc.code(row.get(1))));
        Set<Set<String>> dataFields = new HashSet<>();
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            if (constant.getKey().startsWith("SOURCE_")) {
                continue;
            }
            String type = constant.getValue();
            List<String> ids = YAML.messages().entrySet().stream().filter(m -> type.equals(m.getValue().get("name"))).map(Map.Entry::getKey).toList();
            assertEquals(1, ids.size(), DOCUMENT + ": the messages named " + type + ", one per event type of EventTypes.java: " + ids);
            String where = DOCUMENT + ", message " + ids.get(0) + ": ";
            Map<String, List<Object>> payload = YAML.properties(YAML.messages().get(ids.get(0)).get("payload"));
            assertTrue(payload.getOrDefault("type", List.of()).stream().anyMatch(p -> type.equals(YAML.resolve(p).get("const"))),
                    where + "its payload's type is not the constant " + type);
            assertTrue(payload.getOrDefault("source", List.of()).stream().anyMatch(p -> constants.containsValue(YAML.resolve(p).get("const"))),
                    where + "its payload's source is not a constant of EventTypes.java");
            Map<String, Object> data = payload.getOrDefault("data", List.of()).stream().map(YAML::resolve)
                    .filter(schema -> schema.containsKey("required")).findFirst().orElseThrow(() -> new AssertionError(where + "no data schema"));
            Set<String> fields = new TreeSet<>(YAML.strings(data.get("required")));
            assertFalse(fields.isEmpty(), where + "its data requires no field");
            assertEquals(fields, YAML.resolve(data.get("properties")).keySet(), where + "every field of its data is required, no other is defined");
            assertEquals(false, data.get("additionalProperties"), where + "its data allows no other field");
            dataFields.add(fields);
            assertEquals(topics.get(type), YAML.addressOf(ids.get(0)), where + "its channel against docs/contract.md's CloudEvents table");
        }
        assertEquals(consumerRequiredFields(), dataFields, "the data fields consumer-war requires against the required fields of "
                + DOCUMENT + "'s event data");
    }

    /** The field lists of consumer-war's ingest, each the fields of one event type's data. */
    private static Set<Set<String>> consumerRequiredFields() {
        Set<Set<String>> lists = new HashSet<>();
        for (Path file : Sources.files(Repo.path("consumer-war/src/main/java"))) {
            Matcher list = REQUIRED_FIELDS.matcher(Sources.read(file));
            while (list.find()) {
                lists.add(new TreeSet<>(QUOTED.matcher(list.group(1)).results().map(m -> m.group(1)).toList()));
            }
        }
        assertFalse(lists.isEmpty(), "no List.of(...) *_FIELDS of the data fields it requires in consumer-war's sources");
        return lists;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(minus);
        return left;
    }
}
