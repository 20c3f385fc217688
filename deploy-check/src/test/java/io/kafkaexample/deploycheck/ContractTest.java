package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/contract.md says what the sources say: the services' ports and context roots, the topics and their
 * partitions, the incoming channels and their groups, the retry headers, the event types, every config key
 * with its environment variable and default, and every Redis key prefix. A row that no longer matches the
 * sources, or a name the sources added without a row, fails here.
 */
class ContractTest {

    private static final ContractDoc CONTRACT = ContractDoc.read();
    private static final List<String> MODULES = List.of("common", "producer-war", "consumer-war", "retry-war");
    private static final String PROPERTIES = "/src/main/resources/META-INF/microprofile-config.properties";
    private static final String INCOMING = "mp.messaging.incoming.";
    /** A Redis key literal: a service's name, in the braces of a hash tag or not (which the tag test refuses). */
    private static final Pattern REDIS_KEY = Pattern.compile("[\"'](\\{?(?:producer|consumer|retry|auth)}?:[A-Za-z0-9:._-]*)[\"']");
    /** The hash tag of each module's keys: one slot per service on a Redis Cluster; common names producer-svc's credential key. */
    private static final Map<String, String> HASH_TAGS = Map.of("common", "{producer}:", "producer-war", "{producer}:",
            "consumer-war", "{consumer}:", "retry-war", "{retry}:");
    private static final Pattern HEADER = Pattern.compile("\"((?:retry|dlq)-[a-z-]+)\"");

    @Test
    void thePortsTableIsTheServersOwn() {
        Map<String, List<String>> rows = new TreeMap<>();
        CONTRACT.rows("## Ports and HTTP", "| service |").forEach(row -> rows.put(row.get(0), row));
        Map<String, Repo.Service> services = new TreeMap<>();
        Repo.services().values().forEach(s -> services.put(s.module(), s));
        assertEquals(services.keySet(), rows.keySet(), "the services of docs/contract.md's Ports and HTTP table");
        for (Repo.Service s : services.values()) {
            List<String> row = rows.get(s.module());
            assertEquals(List.of(Integer.toString(s.port()), "`" + s.contextRoot() + "`"), row.subList(1, 3), s.module()
                    + ": server.xml (port " + s.port() + ", context root " + s.contextRoot() + ") disagrees with docs/contract.md");
        }
    }

    @Test
    void theTopicsTableIsTheTopicsFile() {
        assertEquals(new TreeSet<>(Repo.topics()), new TreeSet<>(CONTRACT.names("## Topics", "| topic |")),
                "kafka-docs/config/topics against docs/contract.md's Topics table");
        assertTrue(String.join("\n", CONTRACT.section("## Topics")).contains("Every topic has " + Repo.partitions() + " partitions"),
                "docs/contract.md's Topics must say num.partitions of kafka-docs/config/server.properties: " + Repo.partitions());
    }

    @Test
    void theChannelsTableIsTheIncomingChannelsOfEachService() {
        Map<String, String> documented = new TreeMap<>();
        CONTRACT.rows("## Topics", "| channel (= topic) |")
                .forEach(row -> documented.put(ContractDoc.code(row.get(0)) + " in " + row.get(1), ContractDoc.code(row.get(2))));
        Map<String, String> configured = new TreeMap<>();
        for (String module : MODULES) {
            Properties config = Repo.properties(module + PROPERTIES);
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith(INCOMING) && key.endsWith(".topic")) {
                    String channel = key.substring(0, key.length() - ".topic".length());
                    assertEquals(INCOMING + config.getProperty(key).strip(), channel, key + ": a channel carries its topic's name");
                    configured.put(config.getProperty(key).strip() + " in " + module, config.getProperty(channel + ".group.id", "").strip());
                    assertEquals("liberty-kafka", config.getProperty(channel + ".connector", "").strip(), key + ": the connector");
                    assertEquals("earliest", config.getProperty(channel + ".auto.offset.reset", "").strip(), key + ": auto.offset.reset");
                }
            }
        }
        assertEquals(configured, documented, "incoming channels (topic in module = group.id) against docs/contract.md");
    }

    @Test
    void theHeadersTableIsTheHeadersOfCommon() {
        assertEquals(Sources.literals(Repo.path("common/src/main"), HEADER),
                new TreeSet<>(CONTRACT.names("## Retry and dead-letter headers", "| header |")),
                "the retry-* and dlq-* headers named in common's sources against docs/contract.md's headers table");
    }

    @Test
    void theEventTypesAreEventTypes() {
        Set<String> constants = new TreeSet<>(Sources.stringConstants("common/src/main/java/io/kafkaexample/common/event/EventTypes.java").values());
        Set<String> types = new TreeSet<>(CONTRACT.names("## CloudEvents", "| type |"));
        Set<String> sources = new TreeSet<>(constants);
        sources.removeAll(types);
        assertEquals(1, sources.size(), "EventTypes holds the types of docs/contract.md's CloudEvents table and one source, has "
                + constants + " for the types " + types);
        assertTrue(String.join("\n", CONTRACT.section("## CloudEvents")).contains("`" + sources.iterator().next() + "`"),
                "docs/contract.md's CloudEvents names the source " + sources);
    }

    @Test
    void everyConfigKeyIsInTheContractWithItsVariableAndDefault() {
        Set<String> common = null;
        for (String module : MODULES) {
            Properties defaults = Repo.properties(module + PROPERTIES);
            Set<String> read = new TreeSet<>(Repo.keysInJava(Repo.path(module + "/src/main/java")));
            Set<String> required = new TreeSet<>(read);
            defaults.stringPropertyNames().stream().filter(k -> !k.equals("config_ordinal") && !k.startsWith(INCOMING)).forEach(k -> {
                read.add(k);
                required.add(k);
            });
            Set<String> documented = new TreeSet<>();
            for (List<String> row : CONTRACT.rows("### " + module, "| key |")) {
                String key = ContractDoc.code(row.get(0));
                documented.add(key);
                assertEquals("`" + Repo.envName(key) + "`", row.get(1), "docs/contract.md, " + module + ": the variable of " + key);
                String value = defaults.getProperty(key);
                if (value != null) {
                    assertEquals(value.isBlank() ? "(empty)" : "`" + value.strip() + "`", row.get(2),
                            "docs/contract.md, " + module + ": the default of " + key + " in " + module + PROPERTIES);
                }
            }
            if (common == null) {
                common = documented;
            } else {
                Set<String> inCommonOnly = common;
                required.removeIf(k -> inCommonOnly.contains(k) && !defaults.containsKey(k));
            }
            assertTrue(documented.containsAll(required), module + " reads keys docs/contract.md does not list under '### " + module
                    + "': " + difference(required, documented));
            assertTrue(read.containsAll(documented), "docs/contract.md lists under '### " + module + "' keys " + module
                    + " does not read: " + difference(documented, read));
        }
    }

    @Test
    void everyRedisKeyOfTheSourcesIsInTheContract() {
        Set<String> prefixes = new TreeSet<>();
        for (String module : MODULES) {
            prefixes.addAll(Sources.literals(Repo.path(module + "/src/main"), REDIS_KEY));
        }
        List<String> documented = CONTRACT.names("## Redis keys", "| key |");
        for (String prefix : prefixes) {
            assertTrue(documented.stream().anyMatch(k -> k.equals(prefix) || prefix.endsWith(":") && k.startsWith(prefix + "<")),
                    "the Redis key " + prefix + (prefix.endsWith(":") ? "<...>" : "") + " is not in docs/contract.md's Redis keys");
        }
        for (String key : documented) {
            String fixed = key.contains("<") ? key.substring(0, key.indexOf('<')) : key;
            assertTrue(prefixes.stream().anyMatch(fixed::startsWith), "docs/contract.md's Redis key " + key
                    + " starts with no key the sources name: " + prefixes);
        }
    }

    @Test
    void everyRedisKeyCarriesItsServicesHashTag() {
        for (String module : MODULES) {
            for (String key : Sources.literals(Repo.path(module + "/src/main"), REDIS_KEY)) {
                assertTrue(key.startsWith(HASH_TAGS.get(module)), module + ": the Redis key " + key + " does not start with "
                        + HASH_TAGS.get(module) + ": on a Redis Cluster a script may only touch keys of one slot");
            }
        }
        Map<String, String> tables = Map.of("producer-war:", "{producer}:", "consumer-war:", "{consumer}:", "retry-war:", "{retry}:");
        List<String> section = CONTRACT.section("## Redis keys");
        String tag = null;
        for (String line : section) {
            tag = tables.getOrDefault(line.strip(), tag);
            if (line.startsWith("| `")) {
                String key = ContractDoc.code(line.substring(1, line.indexOf('|', 1)).strip());
                assertTrue(tag != null && key.startsWith(tag), "docs/contract.md's Redis key " + key + " is not under " + tag);
            }
        }
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(minus);
        return left;
    }
}
