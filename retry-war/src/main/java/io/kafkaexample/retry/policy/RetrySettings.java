package io.kafkaexample.retry.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The retry configuration, read once and checked at start: a value out of range stops the application
 * with a message that names its key (and the environment variable that sets it).
 */
@ApplicationScoped
public class RetrySettings {

    private static final Logger LOG = Logger.getLogger(RetrySettings.class.getName());

    public static final String LEASE = "retry.lease";
    public static final String SWEEP_INTERVAL = "retry.sweep-interval";
    public static final String TTL_MARGIN = "retry.ttl-margin";

    @Inject
    Config config;

    private RetryPolicy policy;
    private Duration lease;
    private Duration sweepInterval;
    private Duration ttlMargin;

    void validateAtStart(@Observes Startup startup) {
        policy();
        LOG.info(() -> "retry policy: " + RetryPolicy.MAX_RETRIES + "=" + policy.maxRetries() + ", backoff " + policy.initial()
                + " x" + policy.multiplier() + " up to " + policy.max() + ", jitter " + policy.jitter() + "; window " + policy.window()
                + ", lease " + lease + ", sweep every " + sweepInterval);
    }

    public synchronized RetryPolicy policy() {
        if (policy == null) {
            policy = new RetryPolicy(integer(RetryPolicy.MAX_RETRIES), duration(RetryPolicy.INITIAL), number(RetryPolicy.MULTIPLIER),
                    duration(RetryPolicy.MAX), number(RetryPolicy.JITTER));
            lease = positive(LEASE);
            sweepInterval = positive(SWEEP_INTERVAL);
            ttlMargin = positive(TTL_MARGIN);
        }
        return policy;
    }

    /** How long a claim holds an entry before another instance may take it over. */
    public Duration lease() {
        policy();
        return lease;
    }

    public Duration sweepInterval() {
        policy();
        return sweepInterval;
    }

    /** The TTL of a message's state: the whole backoff window plus a margin. */
    public Duration stateTtl() {
        return policy().window().plus(ttlMargin);
    }

    private String raw(String key) {
        return config.getOptionalValue(key, String.class)
                .map(String::trim)
                .orElseThrow(() -> new InvalidRetryConfigException(key + " is not set (environment variable " + envName(key) + ")"));
    }

    private int integer(String key) {
        String value = raw(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number");
        }
    }

    private double number(String key) {
        String value = raw(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number");
        }
    }

    private Duration duration(String key) {
        String value = raw(key);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(key, value, "an ISO-8601 duration such as PT60S");
        }
    }

    private Duration positive(String key) {
        Duration value = duration(key);
        if (value.isZero() || value.isNegative()) {
            throw invalid(key, value.toString(), "a positive duration");
        }
        return value;
    }

    private static InvalidRetryConfigException invalid(String key, String value, String expected) {
        return new InvalidRetryConfigException(key + " must be " + expected + ", was '" + value + "' (environment variable "
                + envName(key) + ")");
    }

    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
