package io.kafkaexample.retry.config;

import io.kafkaexample.common.config.ConfigValues;
import io.kafkaexample.retry.policy.InvalidRetryConfigException;
import io.kafkaexample.retry.policy.ReplyTopics;
import io.kafkaexample.retry.policy.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retry configuration (defaults in META-INF/microprofile-config.properties), checked at start: a value
 * that is not a number or an ISO-8601 duration is refused by MicroProfile Config, naming its key and value;
 * one out of range stops the application with an {@link InvalidRetryConfigException} that names its key
 * and its value.
 */
@ApplicationScoped
public class RetrySettings {

    private static final Logger LOG = Logger.getLogger(RetrySettings.class.getName());

    static final String LEASE = "retry.lease";
    static final String SWEEP_INTERVAL = "retry.sweep-interval";
    static final String TTL_MARGIN = "retry.ttl-margin";

    @Inject
    @ConfigProperty(name = RetryPolicy.MAX_RETRIES)
    int maxRetries;

    @Inject
    @ConfigProperty(name = RetryPolicy.INITIAL)
    Duration initial;

    @Inject
    @ConfigProperty(name = RetryPolicy.MULTIPLIER)
    double multiplier;

    @Inject
    @ConfigProperty(name = RetryPolicy.MAX)
    Duration max;

    @Inject
    @ConfigProperty(name = RetryPolicy.JITTER)
    double jitter;

    @Inject
    @ConfigProperty(name = LEASE)
    Duration lease;

    @Inject
    @ConfigProperty(name = SWEEP_INTERVAL)
    Duration sweepInterval;

    @Inject
    @ConfigProperty(name = TTL_MARGIN)
    Duration ttlMargin;

    @Inject
    @ConfigProperty(name = ReplyTopics.KEY)
    List<String> replyTopics;

    private RetryPolicy policy;
    private ReplyTopics allowedReplyTopics;

    void validateAtStart(@Observes Startup startup) {
        RetryPolicy checked = policy();
        LOG.info(() -> "retry policy: " + RetryPolicy.MAX_RETRIES + "=" + checked.maxRetries() + ", backoff " + checked.initial()
                + " x" + checked.multiplier() + " up to " + checked.max() + ", jitter " + checked.jitter() + "; window "
                + checked.window() + ", lease " + lease + ", sweep every " + sweepInterval + "; reply topics " + replyTopics);
    }

    /** The policy the settings make, built and checked once. */
    public synchronized RetryPolicy policy() {
        if (policy == null) {
            positive(LEASE, lease);
            positive(SWEEP_INTERVAL, sweepInterval);
            positive(TTL_MARGIN, ttlMargin);
            allowedReplyTopics = ReplyTopics.of(replyTopics);
            policy = new RetryPolicy(maxRetries, initial, multiplier, max, jitter);
        }
        return policy;
    }

    /** Where a retry may be redelivered. */
    public synchronized ReplyTopics replyTopics() {
        policy();
        return allowedReplyTopics;
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

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidRetryConfigException(key + " must be a positive duration such as PT30S, was '" + value
                    + "' (environment variable " + ConfigValues.envName(key) + ")");
        }
    }
}
