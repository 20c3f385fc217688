package io.kafkaexample.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/** The credential versions as producer-svc writes them in Redis: one GET per authenticated request. */
@ApplicationScoped
public class RedisCredentialVersions implements CredentialVersions {

    @Inject
    UnifiedJedis redis;

    @Override
    public Optional<Long> current(String userId) {
        return Optional.ofNullable(redis.get(CredentialVersions.key(userId))).map(Long::valueOf);
    }
}
