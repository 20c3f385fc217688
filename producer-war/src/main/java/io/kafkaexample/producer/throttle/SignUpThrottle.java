package io.kafkaexample.producer.throttle;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/** Sign-ups per client address: each attempt counts, since each costs a password hash and may flood the outbox. */
@ApplicationScoped
public class SignUpThrottle {

    private static final Logger LOG = Logger.getLogger(SignUpThrottle.class.getName());

    @Inject
    Throttle throttle;

    @Inject
    RedisKeys keys;

    @Inject
    ThrottleConfig config;

    @Inject
    HttpServletRequest request;

    /** Counts a sign-up from the caller's address; refuses it over the limit. */
    public void count() throws ClientError {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.hit(keys.signUpsOfAddress(address), config.signUpsPerAddress(), config.signUpWindow());
        if (wait.isPresent()) {
            LOG.info(() -> "sign-up from " + address + " refused: over " + config.signUpsPerAddress() + " in " + config.signUpWindow());
            throw ClientError.tooManyAttempts(wait.get(), "too many sign-ups from your address");
        }
    }
}
