package io.kafkaexample.common.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;

/**
 * One pooled, thread-safe Redis client per application, configured by {@code REDIS_URL}: one Redis or a
 * Redis Cluster ({@link RedisClients}); the services depend only on {@link UnifiedJedis}, which both are.
 */
@ApplicationScoped
public class RedisClientProducer {

    private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());

    @Inject
    @ConfigProperty(name = RedisUrl.CONFIG_KEY)
    String redisUrl;

    @Inject
    @ConfigProperty(name = "redis.timeout-ms")
    int timeoutMillis;

    // @Singleton, not @ApplicationScoped: a record and Jedis' client cannot be proxied
    @Produces
    @Singleton
    RedisUrl redisUrl() {
        return RedisUrl.parse(redisUrl);
    }

    @Produces
    @Singleton
    UnifiedJedis redisClient(RedisUrl url) {
        LOG.info(() -> (url.cluster() ? "Redis Cluster client for " : "Redis client for ") + url.redacted());
        return RedisClients.connect(url, timeoutMillis);
    }

    void close(@Disposes UnifiedJedis client) {
        client.close();
    }
}
