package io.kafkaexample.clusterit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.auth.CredentialVersions;
import io.kafkaexample.testsupport.TestRedis;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.UsersClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The master of producer-svc's slot killed (`./stack kill redis-<port>`), as a crashed ElastiCache node: its
 * replica takes over, and the running services go on without a restart, their clients learning the new layout
 * themselves. The killed node, started again, comes back as a replica.
 */
class FailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void whenTheMasterOfTheProducersSlotDiesItsReplicaTakesOverAndTheServicesGoOn() throws Exception {
        int slot = JedisClusterCRC16.getSlot(CredentialVersions.key("any"));
        int killed = masterPort(slot);
        String node = "redis-" + killed;
        TestStack.stack("kill", node);
        try {
            int master = awaitNewMaster(slot, killed);
            String username = UsersClient.uniqueName("failover");
            String id = UsersClient.signUp(username);
            UsersClient.login(username, UsersClient.PASSWORD);

            Readers.awaitUser(id, u -> u.getInt("tokensIssued") == 1, WAIT);
            assertEquals(master, masterPort(slot), "the replica that took over still holds the slot");
        } finally {
            TestStack.stack("up", "--no-build", node);
        }
        String status = TestStack.stack("status");
        assertTrue(status.lines().anyMatch(l -> l.startsWith(node + " ") && l.endsWith("running, replica")), status);
    }

    /** Waits until the cluster names another master for {@code slot} than the one on port {@code killed}. */
    private static int awaitNewMaster(int slot, int killed) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                cluster().refreshClusterTopology();
                int port = masterPort(slot);
                if (port != killed) {
                    return port;
                }
            } catch (JedisException e) {
                // the dead master is still the slot's: no connection to it
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no replica took over slot " + slot + " from the master on port " + killed + " within " + WAIT);
    }

    private static int masterPort(int slot) {
        try (Connection connection = cluster().getConnectionFromSlot(slot)) {
            return connection.getHostAndPort().getPort();
        }
    }

    private static RedisClusterClient cluster() {
        return (RedisClusterClient) TestRedis.CLUSTER.client();
    }
}
