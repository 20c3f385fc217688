package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The deployment files say the same as the services' own configuration: ./stack runs the services of the
 * server.xml files, every topic has the partition count of the broker config wherever topics are created,
 * and the Jenkinsfile builds every service. docker/ and copilot/ have their own tests
 * ({@link DockerConsistencyTest}, {@link CopilotConsistencyTest}). The truth comes from the sources
 * ({@link Repo}); nothing is repeated here.
 */
class DeployConsistencyTest {

    static final Map<String, Repo.Service> SERVICES = Repo.services();
    static final String ADDON = "copilot/environments/addons/kafka-redis.yml";
    /** The one design decision not in the sources: which service has no public load balancer (the issue). */
    static final Map<String, String> COPILOT_TYPES = Map.of(
            "producer-svc", "Load Balanced Web Service",
            "consumer-svc", "Load Balanced Web Service",
            "retry-svc", "Backend Service");

    @Test
    void theServicesAreTheThreeOfTheDesign() {
        assertEquals(COPILOT_TYPES.keySet(), SERVICES.keySet(), "services found in */src/main/liberty/config/server.xml");
        String stack = Repo.read("stack");
        for (Repo.Service s : SERVICES.values()) {
            String part = s.name().replace("-svc", "");
            assertTrue(stack.contains(part.toUpperCase(java.util.Locale.ROOT) + "_PORT=$((" + s.port() + " + OFFSET))"),
                    "./stack runs " + s.name() + " on another port than its server.xml's " + s.port());
            String root = s.contextRoot().equals("/") ? "" : s.contextRoot();
            assertTrue(stack.contains("http://localhost:$" + part.toUpperCase(java.util.Locale.ROOT) + "_PORT" + root + "/graphql-ui"),
                    "./stack prints another GraphiQL URL for " + s.name() + " than its server.xml's context root " + s.contextRoot());
        }
    }

    @Test
    void healthIsServedByEveryServer() {
        assertTrue(Repo.read("liberty-config/service-base.xml").contains("<feature>mpHealth-"),
                "service-base.xml must enable mpHealth, which serves " + Repo.LIVE_PATH + " and " + Repo.READY_PATH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeCreatesTheTopicsFileWithItsPartitions() {
        Map<String, Object> services = (Map<String, Object>) Repo.yaml("docker/compose.yaml").get("services");
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka");
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertEquals(Repo.partitions(), env.get("KAFKA_NUM_PARTITIONS"), "compose kafka KAFKA_NUM_PARTITIONS");
        assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "compose kafka creates no topic by accident");
        assertTrue(((String) kafka.get("image")).matches("apache/kafka:\\d+\\.\\d+\\.\\d+"), "pinned apache/kafka image");
        Map<String, Object> init = (Map<String, Object>) services.get("kafka-init");
        assertEquals(List.of("../kafka-docs/config/topics:/topics:ro"), init.get("volumes"), "kafka-init reads the topics file");
        String command = String.join("\n", (List<String>) init.get("command"));
        assertTrue(command.contains("--partitions " + Repo.partitions()), "kafka-init creates " + Repo.partitions() + " partitions");
        assertTrue(Repo.read("copilot/create-topics").contains("--partitions " + Repo.partitions()),
                "copilot/create-topics creates " + Repo.partitions() + " partitions");
        assertTrue(Repo.read(ADDON).contains("num.partitions=" + Repo.partitions() + "\n"), "MSK's num.partitions");
    }

    @Test
    void theConsumersReadOnlyTheTopicsOfTheTopicsFile() {
        List<String> topics = Repo.topics();
        String consumerConfig = Repo.read("consumer-war/src/main/resources/META-INF/microprofile-config.properties");
        Matcher m = Pattern.compile("(?m)^mp\\.messaging\\.[a-z]+\\.[a-z-]+\\.topic=(.+)$").matcher(consumerConfig);
        while (m.find()) {
            assertTrue(topics.contains(m.group(1).strip()), "consumer-war reads " + m.group(1) + ", not in kafka-docs/config/topics");
        }
        Set<String> constants = new TreeSet<>();
        Matcher constant = Pattern.compile("String [A-Z_]+ = \"([a-z-]+)\";")
                .matcher(Repo.read("common/src/main/java/io/kafkaexample/common/kafka/Topics.java"));
        while (constant.find()) {
            constants.add(constant.group(1));
        }
        assertEquals(constants, new TreeSet<>(topics), "kafka-docs/config/topics against common's Topics constants");
    }

    // ---- Jenkinsfile ----------------------------------------------------------------------------

    @Test
    void theJenkinsfileKnowsEveryServiceAndItsModule() {
        String jenkinsfile = Repo.read("Jenkinsfile");
        Matcher block = Pattern.compile("(?s)SERVICES = \\[(.*?)\\]").matcher(jenkinsfile);
        assertTrue(block.find(), "Jenkinsfile: a SERVICES = [service: module, ...] map");
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("'([a-z-]+)'\\s*:\\s*'([a-z-]+)'").matcher(block.group(1));
        while (entry.find()) {
            listed.put(entry.group(1), entry.group(2));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        SERVICES.values().forEach(s -> expected.put(s.name(), s.module()));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(listed), "Jenkinsfile SERVICES");
        assertTrue(jenkinsfile.contains("sh 'mvn -B verify'"), "Jenkinsfile runs CI's command, mvn -B verify");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every name in {@code given} is the environment variable of a config key the service reads. */
    static void assertReadByService(Repo.Service s, Set<String> given, String where) {
        Set<String> vocabulary = Repo.envVocabulary(s);
        List<String> unknown = new ArrayList<>();
        for (String name : given) {
            if (!vocabulary.contains(name)) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), where + "environment variables " + unknown + " match no config key that "
                + s.module() + " reads (it reads " + vocabulary + ")");
    }
}
