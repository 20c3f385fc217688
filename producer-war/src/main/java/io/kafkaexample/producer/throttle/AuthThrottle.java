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
 * The limits on attempts of the caller's request, per username and client address:
 * <ul>
 * <li>failed password checks: a username or address that used up its failures is refused, before any password
 *     is checked, until its window ends. A success clears the username's count (not the address's: one account
 *     of their own must not reset an attacker's count);</li>
 * <li>sign-ups per address: each attempt counts, since each costs a password hash and may flood the outbox.</li>
 * </ul>
 */
@ApplicationScoped
public class AuthThrottle {

    private static final Logger LOG = Logger.getLogger(AuthThrottle.class.getName());

    @Inject
    Throttle throttle;

    @Inject
    RedisKeys keys;

    @Inject
    ThrottleConfig config;

    @Inject
    HttpServletRequest request;

    /** Refuses a password check while the username or the caller's address is throttled. */
    public void checkLogin(String username) throws ClientError {
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
    public void loginFailed(String username) {
        String address = request.getRemoteAddr();
        throttle.hit(keys.loginFailuresOfUser(username), config.failuresPerUser(), config.failureWindow())
                .ifPresent(wait -> LOG.warning(() -> "logins of a username throttled for " + wait.toSeconds()
                        + " s after " + config.failuresPerUser() + " failures (last from " + address + ")"));
        throttle.hit(keys.loginFailuresOfAddress(address), config.failuresPerAddress(), config.failureWindow())
                .ifPresent(wait -> LOG.warning(() -> "logins from " + address + " throttled for " + wait.toSeconds()
                        + " s after " + config.failuresPerAddress() + " failures"));
    }

    public void loginSucceeded(String username) {
        throttle.reset(keys.loginFailuresOfUser(username));
    }

    /** Counts a sign-up from the caller's address; refuses it over the limit. */
    public void countSignUp() throws ClientError {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.hit(keys.signUpsOfAddress(address), config.signUpsPerAddress(), config.signUpWindow());
        if (wait.isPresent()) {
            LOG.info(() -> "sign-up from " + address + " refused: over " + config.signUpsPerAddress() + " in " + config.signUpWindow());
            throw ClientError.tooManyAttempts(wait.get(), "too many sign-ups from your address");
        }
    }
}
