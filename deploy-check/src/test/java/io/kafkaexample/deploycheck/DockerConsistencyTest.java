package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker/: each Dockerfile builds its service as Liberty expects and bounds the JVM to the task's memory;
 * compose.yaml runs each service as ./stack does (port, health check, the environment variables it reads).
 */
class DockerConsistencyTest {

    private static final Map<String, Object> COMPOSE = Repo.yaml("docker/compose.yaml");

    @Test
    void eachDockerfileBuildsItsServiceTheLibertyWay() {
        String sharedDir = Repo.properties("docker/bootstrap.properties").getProperty("liberty.shared.config");
        assertEquals("/config/liberty-config", sharedDir, "docker/bootstrap.properties liberty.shared.config");
        for (Repo.Service s : DeployConsistencyTest.SERVICES.values()) {
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
            assertTrue(df.contains("CMD [\"healthcheck\", \"" + s.port() + "\", \"" + Repo.LIVE_PATH + "\"]"),
                    where + "HEALTHCHECK on " + Repo.LIVE_PATH + " at port " + s.port());
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
        Repo.Service producer = DeployConsistencyTest.SERVICES.get("producer-svc");
        for (Repo.Service s : DeployConsistencyTest.SERVICES.values()) {
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
            DeployConsistencyTest.assertReadByService(s, env.keySet(), where);
            assertTrue(env.containsKey("KAFKA_BOOTSTRAP_SERVERS") && env.containsKey("REDIS_URL"), where + "Kafka and Redis");
            assertPointsAtService(services, (String) env.get("KAFKA_BOOTSTRAP_SERVERS"), where + "KAFKA_BOOTSTRAP_SERVERS");
            assertPointsAtService(services, ((String) env.get("REDIS_URL")).replaceFirst("^redis://", ""), where + "REDIS_URL");
            if (env.containsKey("PRODUCER_SVC_ENDPOINT")) {
                assertEquals("http://" + producer.name() + ":" + producer.port() + producer.contextRoot(),
                        env.get("PRODUCER_SVC_ENDPOINT"), where + "PRODUCER_SVC_ENDPOINT includes the context root");
            }
            Map<String, Object> health = (Map<String, Object>) svc.get("healthcheck");
            assertEquals(List.of("CMD", "healthcheck", String.valueOf(s.port()), Repo.READY_PATH), health.get("test"),
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

}
