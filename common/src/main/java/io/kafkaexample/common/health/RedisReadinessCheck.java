package io.kafkaexample.common.health;

import io.kafkaexample.common.redis.RedisUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** Ready only while Redis answers PING: one Redis, or every master of a Redis Cluster (the cluster client broadcasts it). */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisUrl url;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis").withData("url", url.redacted());
        try {
            return response.status("PONG".equals(redis.ping())).build();
        } catch (JedisException e) {
            return response.withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).down().build();
        }
    }
}
