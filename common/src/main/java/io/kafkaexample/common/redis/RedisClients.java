package io.kafkaexample.common.redis;

import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Jedis client a {@link RedisUrl} names: a pooled {@link RedisClient} for one Redis, a
 * {@link RedisClusterClient} for a cluster. Both are a {@link UnifiedJedis}, which is all the services use: on a
 * cluster it sends each command to the master of its key's slot, follows MOVED and fail-overs, and broadcasts
 * PING to every master.
 */
public final class RedisClients {

    private RedisClients() {
    }

    /** A new, thread-safe client; {@code timeoutMillis} is the connect and read timeout of every call. */
    public static UnifiedJedis connect(RedisUrl url, int timeoutMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().ssl(url.tls()).timeoutMillis(timeoutMillis);
        if (url.password() != null) {
            config.user(url.user()).password(url.password());
        }
        if (!url.cluster()) {
            return RedisClient.builder().hostAndPort(url.node().host(), url.node().port())
                    .clientConfig(config.database(url.database()).build()).build();
        }
        // a cluster client fails for good when no node answers as it is made; this way it learns the layout at a later
        // call, and a service started while Redis is down starts (not ready), as it does with one Redis
        System.setProperty(RedisClusterClient.INIT_NO_ERROR_PROPERTY, "true");
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        url.nodes().forEach(node -> nodes.add(new HostAndPort(node.host(), node.port())));
        return RedisClusterClient.builder().nodes(nodes).clientConfig(config.build()).build();
    }
}
