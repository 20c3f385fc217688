package io.kafkaexample.common.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** One pooled, thread-safe Redis client per application, configured by {@code REDIS_URL}. */
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
    RedisClient redisClient(RedisUrl url) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .ssl(url.tls())
                .database(url.database())
                .timeoutMillis(timeoutMillis);
        if (url.password() != null) {
            config.user(url.user()).password(url.password());
        }
        LOG.info(() -> "Redis client for " + url.redacted());
        return RedisClient.builder().hostAndPort(url.host(), url.port()).clientConfig(config.build()).build();
    }

    void close(@Disposes RedisClient client) {
        client.close();
    }
}
