package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The test stack is started by {@code ./stack} from devstack/profiles/it.env, while the integration tests
 * find it through the parent pom's {@code it.*} properties (MicroShed and Arquillian need them as Maven
 * properties): the two must name the same ports and the same Redis.
 */
class TestStackSettingsTest {

    private static final Properties PROFILE = Repo.properties("devstack/profiles/it.env");
    private static final String POM = Repo.read("pom.xml");
    private static final int OFFSET = Integer.parseInt(PROFILE.getProperty("STACK_PORT_OFFSET").strip());

    @Test
    void theTestsLookForEachServiceWhereTheProfilePutsIt() {
        for (Repo.Service service : Repo.services().values()) {
            String part = service.name().replace("-svc", "");
            assertEquals(Integer.toString(service.port() + OFFSET), pomProperty("it." + part + ".port"),
                    "pom.xml it." + part + ".port against " + service.name() + "'s port + it.env's STACK_PORT_OFFSET");
        }
    }

    @Test
    void theTestsUseTheProfilesBrokerAndRedis() {
        Matcher kafka = Pattern.compile("KAFKA_PORT=\\$\\(\\((\\d+) \\+ OFFSET\\)\\)").matcher(Repo.read("stack"));
        kafka.find();
        assertEquals("localhost:" + (Integer.parseInt(kafka.group(1)) + OFFSET), pomProperty("it.kafka.bootstrap"),
                "pom.xml it.kafka.bootstrap against ./stack's Kafka port + it.env's STACK_PORT_OFFSET");
        assertEquals(PROFILE.getProperty("REDIS_URL").strip(), pomProperty("it.redis.url"), "pom.xml it.redis.url against it.env's REDIS_URL");
    }

    @Test
    void theScriptTestsUseTheProfilesRedisCluster() {
        int first = Integer.parseInt(PROFILE.getProperty("STACK_REDIS_CLUSTER_PORT").strip());
        Matcher size = Pattern.compile("\\nCLUSTER_SIZE=(\\d+)\\n").matcher(Repo.read("stack"));
        size.find();
        StringBuilder nodes = new StringBuilder();
        for (int k = 0; k < Integer.parseInt(size.group(1)); k++) {
            nodes.append(k == 0 ? "" : ",").append("localhost:").append(first + k);
        }
        assertEquals("redis-cluster://" + nodes, pomProperty("it.redis.cluster.url"),
                "pom.xml it.redis.cluster.url against it.env's STACK_REDIS_CLUSTER_PORT and ./stack's CLUSTER_SIZE");
    }

    @Test
    void theTraceTestAsksTheProfilesTraceViewer() {
        Matcher zipkin = Pattern.compile("ZIPKIN_PORT=\\$\\(\\((\\d+) \\+ OFFSET\\)\\)").matcher(Repo.read("stack"));
        assertTrue(zipkin.find(), "./stack sets ZIPKIN_PORT");
        assertEquals(Integer.toString(Integer.parseInt(zipkin.group(1)) + OFFSET), pomProperty("it.zipkin.port"),
                "pom.xml it.zipkin.port against ./stack's Zipkin port + it.env's STACK_PORT_OFFSET");
    }

    @Test
    void theAlertTestListensWhereTheProfileSendsAlerts() {
        Matcher port = Pattern.compile("WEBHOOK_PORT = (\\d+);").matcher(Repo.read("retry-war/src/test/java/io/kafkaexample/retry/alert/AlertIT.java"));
        port.find();
        assertEquals("http://localhost:" + port.group(1) + "/alert", PROFILE.getProperty("ALERT_WEBHOOK_URL").strip(),
                "it.env's ALERT_WEBHOOK_URL against AlertIT's WEBHOOK_PORT");
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(POM);
        return m.find() ? m.group(1).strip() : "(not in pom.xml)";
    }
}
