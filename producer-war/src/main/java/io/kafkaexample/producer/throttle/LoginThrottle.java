package io.kafkaexample.producer.throttle;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failed password checks, counted per username and per client address: a username or address that used up
 * its failures is refused, before any password is checked, until its window ends. A success clears the
 * username's count (not the address's: one account of their own must not reset an attacker's count).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @Inject
    Throttle throttle;

    @Inject
    RedisKeys keys;

    @Inject
    ThrottleConfig config;

    @Inject
    HttpServletRequest request;

    /** Refuses the attempt while the username or the caller's address is throttled. */
    public void checkAllowed(String username) throws ClientError {
        Optional<Duration> user = throttle.blockedFor(keys.loginFailuresOfUser(username), config.failuresPerUser());
        if (user.isPresent()) {
            throw ClientError.tooManyAttempts(user.get(), "too many failed logins for this username");
        }
        Optional<Duration> address = throttle.blockedFor(keys.loginFailuresOfAddress(request.getRemoteAddr()),
                config.failuresPerAddress());
        if (address.isPresent()) {
            throw ClientError.tooManyAttempts(address.get(), "too many failed logins from your address");
        }
    }

    /** Counts a wrong password (or unknown username) against both. */
    public void failed(String username) {
        String address = request.getRemoteAddr();
        throttle.hit(keys.loginFailuresOfUser(username), config.failuresPerUser(), config.failureWindow())
                .ifPresent(wait -> LOG.warning(() -> "logins of a username throttled for " + wait.toSeconds()
                        + " s after " + config.failuresPerUser() + " failures (last from " + address + ")"));
        throttle.hit(keys.loginFailuresOfAddress(address), config.failuresPerAddress(), config.failureWindow())
                .ifPresent(wait -> LOG.warning(() -> "logins from " + address + " throttled for " + wait.toSeconds()
                        + " s after " + config.failuresPerAddress() + " failures"));
    }

    public void succeeded(String username) {
        throttle.reset(keys.loginFailuresOfUser(username));
    }
}
