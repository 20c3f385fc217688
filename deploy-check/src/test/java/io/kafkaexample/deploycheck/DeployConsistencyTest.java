package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * The compose file, the Dockerfiles, the Copilot manifests and the Jenkinsfile say the same as the
 * services' own configuration: ports, context roots, health paths, environment variable names, WARs,
 * topics and partitions. The truth comes from the sources ({@link Repo}); nothing is repeated here.
 */
class DeployConsistencyTest {

    private static final Map<String, Repo.Service> SERVICES = Repo.services();
    private static final Map<String, Object> COMPOSE = Repo.yaml("docker/compose.yaml");
    private static final String ADDON = "copilot/environments/addons/kafka-redis.yml";
    /** The one design decision not in the sources: which service has no public load balancer (the issue). */
    private static final Map<String, String> COPILOT_TYPES = Map.of(
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
            assertTrue(stack.contains(part + ") echo " + (s.contextRoot().equals("/") ? "\"\"" : s.contextRoot()) + " ;;"),
                    "./stack has another context root for " + s.name() + " than its server.xml's " + s.contextRoot());
        }
    }

    @Test
    void healthIsServedByEveryServer() {
        assertTrue(Repo.read("liberty-config/service-base.xml").contains("<feature>mpHealth-"),
                "service-base.xml must enable mpHealth, which serves " + Repo.HEALTH_PATH);
    }

    // ---- docker/ --------------------------------------------------------------------------------

    @Test
    void eachDockerfileBuildsItsServiceTheLibertyWay() {
        String sharedDir = Repo.properties("docker/bootstrap.properties").getProperty("liberty.shared.config");
        assertEquals("/config/liberty-config", sharedDir, "docker/bootstrap.properties liberty.shared.config");
        for (Repo.Service s : SERVICES.values()) {
            String df = Repo.read(s.dockerfile());
            String where = s.dockerfile() + ": ";
            Matcher from = Pattern.compile("(?m)^FROM icr\\.io/appcafe/open-liberty:(\\S+)$").matcher(df);
            assertTrue(from.find(), where + "FROM the official Open Liberty image");
            assertTrue(from.group(1).matches(Pattern.quote(System.getProperty("openliberty.version"))
                    + "-kernel-slim-java(17|21)-openj9-ubi(-minimal)?"),
                    where + "pinned kernel-slim tag of the parent pom's Liberty release, not " + from.group(1));
            assertCopies(df, where, s.module() + "/src/main/liberty/config/server.xml", "/config/");
            for (String fragment : s.fragments()) {
                assertCopies(df, where, "liberty-config/" + fragment, sharedDir + "/");
            }
            assertCopies(df, where, "docker/bootstrap.properties", "/config/");
            assertCopies(df, where, "docker/jvm.options", "/config/");
            assertCopies(df, where, s.module() + "/target/" + s.war(), "/config/apps/");
            int features = df.indexOf("RUN features.sh");
            int war = df.indexOf(s.module() + "/target/");
            int configure = df.indexOf("RUN configure.sh");
            assertTrue(features > 0 && features < war && war < configure,
                    where + "features.sh after the server config, then the WAR, then configure.sh");
            assertTrue(df.contains("\nUSER 1001\n") && !df.matches("(?s).*\nUSER (root|0)\\b.*"), where + "runs as non-root 1001");
            assertTrue(df.contains("\nEXPOSE " + s.port() + "\n"), where + "EXPOSE " + s.port());
            assertTrue(df.contains("CMD [\"healthcheck\", \"" + s.port() + "\", \"" + Repo.HEALTH_PATH + "\"]"),
                    where + "HEALTHCHECK on " + Repo.HEALTH_PATH + " at port " + s.port());
        }
    }

    private static void assertCopies(String dockerfile, String where, String source, String target) {
        boolean found = dockerfile.lines().anyMatch(l -> l.startsWith("COPY ")
                && List.of(l.split("\\s+")).contains(source) && l.endsWith(" " + target));
        assertTrue(found, where + "COPY " + source + " to " + target);
    }

    @Test
    void theJvmFitsTheTask() {
        Map<String, Long> mib = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^-(Xmx|XX:MaxDirectMemorySize=|XX:ReservedCodeCacheSize=)(\\d+)m$")
                .matcher(Repo.read("docker/jvm.options"));
        while (m.find()) {
            mib.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertEquals(3, mib.size(), "docker/jvm.options bounds heap, direct memory and code cache in MiB: " + mib);
        long bounded = mib.values().stream().mapToLong(Long::longValue).sum();
        // class metadata, thread stacks and the JVM itself need about 100 MiB more (docker/README.md, Memory)
        assertTrue(bounded <= 400, "heap + direct + code cache = " + bounded + " MiB leaves too little of 512 MiB");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsEachServiceAsTheStackDoes() {
        Map<String, Object> services = (Map<String, Object>) COMPOSE.get("services");
        Repo.Service producer = SERVICES.get("producer-svc");
        for (Repo.Service s : SERVICES.values()) {
            String where = "docker/compose.yaml " + s.name() + ": ";
            Map<String, Object> svc = (Map<String, Object>) services.get(s.name());
            assertTrue(svc != null, where + "missing");
            Map<String, Object> build = (Map<String, Object>) svc.get("build");
            assertEquals("..", build.get("context"), where + "build context is the repository root");
            assertEquals(s.dockerfile(), build.get("dockerfile"), where + "dockerfile");
            assertEquals(List.of(s.port() + ":" + s.port()), svc.get("ports"), where + "ports");
            assertEquals("512m", svc.get("mem_limit"), where + "the ECS task's memory");
            Map<String, Object> env = (Map<String, Object>) svc.get("environment");
            assertEquals(String.valueOf(s.port()), env.get("HTTP_PORT"), where + "HTTP_PORT");
            assertReadByService(s, env.keySet(), where);
            assertTrue(env.containsKey("KAFKA_BOOTSTRAP_SERVERS") && env.containsKey("REDIS_URL"), where + "Kafka and Redis");
            assertPointsAtService(services, (String) env.get("KAFKA_BOOTSTRAP_SERVERS"), where + "KAFKA_BOOTSTRAP_SERVERS");
            assertPointsAtService(services, ((String) env.get("REDIS_URL")).replaceFirst("^redis://", ""), where + "REDIS_URL");
            if (env.containsKey("PRODUCER_SVC_ENDPOINT")) {
                assertEquals("http://" + producer.name() + ":" + producer.port() + producer.contextRoot(),
                        env.get("PRODUCER_SVC_ENDPOINT"), where + "PRODUCER_SVC_ENDPOINT includes the context root");
            }
            Map<String, Object> health = (Map<String, Object>) svc.get("healthcheck");
            assertEquals(List.of("CMD", "healthcheck", String.valueOf(s.port()), Repo.HEALTH_PATH), health.get("test"),
                    where + "healthcheck");
            Map<String, Object> dependsOn = (Map<String, Object>) svc.get("depends_on");
            assertEquals(Map.of("condition", "service_completed_successfully"), dependsOn.get("kafka-init"),
                    where + "starts after the topics exist");
            assertEquals(Map.of("condition", "service_healthy"), dependsOn.get("redis"), where + "starts after Redis");
        }
    }

    private static void assertPointsAtService(Map<String, Object> services, String hostPort, String what) {
        String host = hostPort.replaceFirst("[:/].*", "");
        assertTrue(services.containsKey(host), what + " names " + host + ", which is no compose service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeCreatesTheTopicsFileWithItsPartitions() {
        Map<String, Object> services = (Map<String, Object>) COMPOSE.get("services");
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

    // ---- copilot/ -------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void eachCopilotManifestRunsItsServiceAsTheImageDoes() {
        Set<String> exports = Repo.addonExports(ADDON);
        assertEquals(Set.of("${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-KafkaBootstrapServers",
                "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-KafkaClusterArn",
                "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-RedisUrlSecret"), exports, ADDON + " exports");
        Repo.Service producer = SERVICES.get("producer-svc");
        for (Repo.Service s : SERVICES.values()) {
            String file = "copilot/" + s.name() + "/manifest.yml";
            String where = file + ": ";
            Map<String, Object> m = Repo.yaml(file);
            assertEquals(s.name(), m.get("name"), where + "name (the Cloud Map name <svc>.<env>.<app>.local)");
            assertEquals(COPILOT_TYPES.get(s.name()), m.get("type"), where + "type");
            assertEquals(512, m.get("memory"), where + "memory (MiB)");
            Map<String, Object> image = (Map<String, Object>) m.get("image");
            assertEquals(Map.of("dockerfile", s.dockerfile(), "context", "."), image.get("build"), where + "image.build");
            assertEquals(s.port(), image.get("port"), where + "image.port");
            assertEquals(List.of("CMD", "healthcheck", String.valueOf(s.port()), Repo.HEALTH_PATH),
                    ((Map<String, Object>) image.get("healthcheck")).get("command"), where + "image.healthcheck.command");
            Map<String, Object> http = (Map<String, Object>) m.get("http");
            if ("Backend Service".equals(m.get("type"))) {
                assertEquals(null, http, where + "a backend service has no load balancer rule");
            } else {
                String path = "/" + ((String) http.get("path")).replaceAll("^/+|/+$", "");
                assertEquals(s.contextRoot(), path, where + "http.path routes the service's context root");
                assertEquals(Repo.HEALTH_PATH, ((Map<String, Object>) http.get("healthcheck")).get("path"),
                        where + "http.healthcheck.path");
            }

            Map<String, Object> variables = (Map<String, Object>) m.getOrDefault("variables", Map.of());
            Map<String, Object> secrets = (Map<String, Object>) m.getOrDefault("secrets", Map.of());
            Set<String> given = new TreeSet<>(variables.keySet());
            given.addAll(secrets.keySet());
            assertReadByService(s, given, where);
            assertTrue(given.containsAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "REDIS_URL")),
                    where + "Kafka (with its TLS setting) and Redis");
            assertEquals("SSL", variables.get("KAFKA_SECURITY_PROTOCOL"), where + "MSK's TLS listener");
            if (variables.containsKey("PRODUCER_SVC_ENDPOINT")) {
                assertEquals("http://" + producer.name() + ".${COPILOT_ENVIRONMENT_NAME}.${COPILOT_APPLICATION_NAME}.local:"
                        + producer.port() + producer.contextRoot(), variables.get("PRODUCER_SVC_ENDPOINT"),
                        where + "PRODUCER_SVC_ENDPOINT through service discovery");
            }
            for (Map.Entry<String, Object> e : variables.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> ref) {
                    assertTrue(exports.contains(ref.get("from_cfn")), where + e.getKey() + " imports " + ref.get("from_cfn")
                            + ", which " + ADDON + " does not export");
                }
            }
            for (Map.Entry<String, Object> e : secrets.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> ref) {
                    assertTrue(exports.contains(ref.get("from_cfn")), where + e.getKey() + " imports " + ref.get("from_cfn")
                            + ", which " + ADDON + " does not export");
                } else {
                    assertEquals("/copilot/${COPILOT_APPLICATION_NAME}/${COPILOT_ENVIRONMENT_NAME}/secrets/" + e.getKey(),
                            e.getValue(), where + "secret " + e.getKey() + " is a reference to SSM (copilot secret init), never a value");
                }
            }
            assertFalse(variables.containsKey("APP_ENVIRONMENT"), where + "production: APP_ENVIRONMENT unset");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProducerGetsItsProductionSecretsFromTheSecretStore() {
        String defaultEnvironment = Repo.properties("producer-war/src/main/resources/META-INF/microprofile-config.properties")
                .getProperty("app.environment");
        assertEquals("production", defaultEnvironment, "producer-war's default app.environment");
        Map<String, Object> secrets = (Map<String, Object>) Repo.yaml("copilot/producer-svc/manifest.yml").get("secrets");
        for (String key : List.of("admin.password", "jwt.private-key")) {
            assertTrue(secrets.containsKey(Repo.envName(key)), "copilot/producer-svc: secret " + Repo.envName(key)
                    + " (" + key + ") is required in production");
        }
        Map<String, Object> compose = (Map<String, Object>) ((Map<String, Object>) COMPOSE.get("services")).get("producer-svc");
        Map<String, Object> env = (Map<String, Object>) compose.get("environment");
        for (String key : List.of("admin.password", "jwt.private-key")) {
            assertTrue(env.containsKey(Repo.envName(key)) && env.get(Repo.envName(key)) == null,
                    "docker/compose.yaml producer-svc passes " + Repo.envName(key) + " from the shell, never a value");
        }
    }

    @Test
    void theWorkspaceNamesTheApplicationOfTheDesign() {
        assertEquals("application: kafka-example", Repo.read("copilot/.workspace").strip(), "copilot/.workspace");
        assertTrue(Files.isRegularFile(Repo.path("copilot/environments/dev/manifest.yml")), "environment dev");
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

    private static void assertReadByService(Repo.Service s, Set<String> given, String where) {
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
