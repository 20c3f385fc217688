package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * copilot/: each manifest runs its service as the image does, with the environment variables it reads and
 * the addon's exports; production secrets come from the secret store, never from a value in a file.
 */
class CopilotConsistencyTest {

    private static final Map<String, Object> COMPOSE = Repo.yaml("docker/compose.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void eachCopilotManifestRunsItsServiceAsTheImageDoes() {
        Set<String> exports = Repo.addonExports(DeployConsistencyTest.ADDON);
        assertEquals(Set.of("${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-KafkaBootstrapServers",
                "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-KafkaClusterArn",
                "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-RedisUrlSecret"), exports, DeployConsistencyTest.ADDON + " exports");
        Repo.Service producer = DeployConsistencyTest.SERVICES.get("producer-svc");
        for (Repo.Service s : DeployConsistencyTest.SERVICES.values()) {
            String file = "copilot/" + s.name() + "/manifest.yml";
            String where = file + ": ";
            Map<String, Object> m = Repo.yaml(file);
            assertEquals(s.name(), m.get("name"), where + "name (the Cloud Map name <svc>.<env>.<app>.local)");
            assertEquals(DeployConsistencyTest.COPILOT_TYPES.get(s.name()), m.get("type"), where + "type");
            assertEquals(512, m.get("memory"), where + "memory (MiB)");
            Map<String, Object> image = (Map<String, Object>) m.get("image");
            assertEquals(Map.of("dockerfile", s.dockerfile(), "context", "."), image.get("build"), where + "image.build");
            assertEquals(s.port(), image.get("port"), where + "image.port");
            assertEquals(List.of("CMD", "healthcheck", String.valueOf(s.port()), Repo.LIVE_PATH),
                    ((Map<String, Object>) image.get("healthcheck")).get("command"), where + "image.healthcheck.command");
            Map<String, Object> http = (Map<String, Object>) m.get("http");
            if ("Backend Service".equals(m.get("type"))) {
                assertEquals(null, http, where + "a backend service has no load balancer rule");
            } else {
                String path = "/" + ((String) http.get("path")).replaceAll("^/+|/+$", "");
                assertEquals(s.contextRoot(), path, where + "http.path routes the service's context root");
                assertEquals(Repo.READY_PATH, ((Map<String, Object>) http.get("healthcheck")).get("path"),
                        where + "http.healthcheck.path");
            }

            Map<String, Object> variables = (Map<String, Object>) m.getOrDefault("variables", Map.of());
            Map<String, Object> secrets = (Map<String, Object>) m.getOrDefault("secrets", Map.of());
            Set<String> given = new TreeSet<>(variables.keySet());
            given.addAll(secrets.keySet());
            DeployConsistencyTest.assertReadByService(s, given, where);
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
                            + ", which " + DeployConsistencyTest.ADDON + " does not export");
                }
            }
            for (Map.Entry<String, Object> e : secrets.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> ref) {
                    assertTrue(exports.contains(ref.get("from_cfn")), where + e.getKey() + " imports " + ref.get("from_cfn")
                            + ", which " + DeployConsistencyTest.ADDON + " does not export");
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
    @SuppressWarnings("unchecked")
    void everyServiceRunsTwoTasksAtLeastAndTheWebServicesScaleOnCpu() {
        for (Repo.Service s : DeployConsistencyTest.SERVICES.values()) {
            String file = "copilot/" + s.name() + "/manifest.yml";
            Map<String, Object> m = Repo.yaml(file);
            Object count = m.get("count");
            if ("Backend Service".equals(m.get("type"))) {
                assertTrue(count instanceof Integer tasks && tasks >= 2, file + ": count, two tasks at least: " + count);
                continue;
            }
            assertTrue(count instanceof Map, file + ": count with a range and cpu_percentage (autoscaling): " + count);
            Map<String, Object> scaling = (Map<String, Object>) count;
            String[] range = String.valueOf(scaling.get("range")).split("-");
            assertTrue(range.length == 2 && Integer.parseInt(range[0]) >= 2 && Integer.parseInt(range[1]) > Integer.parseInt(range[0]),
                    file + ": count.range, from two tasks up: " + scaling.get("range"));
            assertTrue(scaling.get("cpu_percentage") instanceof Integer target && target > 0 && target < 100,
                    file + ": count.cpu_percentage, the CPU target: " + scaling.get("cpu_percentage"));
        }
    }

    @Test
    void theAddonOffersRedisInClusterModeWithTheUrlSchemeTheServicesRead() {
        String addon = Repo.read(DeployConsistencyTest.ADDON);
        assertTrue(addon.contains("RedisClusterMode:\n    Type: String\n    Default: disabled\n    AllowedValues: [disabled, enabled]"),
                DeployConsistencyTest.ADDON + ": parameter RedisClusterMode, disabled or enabled");
        String redisUrl = ContractDoc.read().rows("### common", "| key |").stream()
                .filter(row -> row.get(0).equals("`redis.url`")).findFirst().orElseThrow().get(3);
        for (String scheme : List.of("rediss://", "rediss-cluster://")) {
            assertTrue(addon.contains("'" + scheme + ":'"), DeployConsistencyTest.ADDON + ": REDIS_URL as " + scheme + ":<token>@...");
            assertTrue(redisUrl.contains("`" + scheme.replace("://", "") + "://`"), "docs/contract.md's redis.url names " + scheme);
        }
    }

    @Test
    void theWorkspaceNamesTheApplicationOfTheDesign() {
        assertEquals("application: kafka-example", Repo.read("copilot/.workspace").strip(), "copilot/.workspace");
        assertTrue(Files.isRegularFile(Repo.path("copilot/environments/dev/manifest.yml")), "environment dev");
    }
}
