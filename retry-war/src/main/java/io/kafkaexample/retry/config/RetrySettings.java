package io.kafkaexample.retry.config;

import io.kafkaexample.common.config.ConfigValues;
import io.kafkaexample.common.kafka.KafkaClients;
import io.kafkaexample.retry.engine.EngineSettings;
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
 * one out of range (or a lease shorter than the producer's longest send) stops the application with an
 * {@link InvalidRetryConfigException} that names its key and its value.
 */
@ApplicationScoped
public class RetrySettings {

    private static final Logger LOG = Logger.getLogger(RetrySettings.class.getName());

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
    @ConfigProperty(name = EngineSettings.LEASE)
    Duration lease;

    @Inject
    @ConfigProperty(name = EngineSettings.SWEEP_INTERVAL)
    Duration sweepInterval;

    @Inject
    @ConfigProperty(name = EngineSettings.HORIZON)
    Duration horizon;

    @Inject
    @ConfigProperty(name = EngineSettings.MAX_SEND_FAILURES)
    int maxSendFailures;

    @Inject
    @ConfigProperty(name = TTL_MARGIN)
    Duration ttlMargin;

    @Inject
    @ConfigProperty(name = ReplyTopics.KEY)
    List<String> replyTopics;

    @Inject
    @ConfigProperty(name = KafkaClients.MAX_BLOCK_KEY)
    Duration producerMaxBlock;

    @Inject
    @ConfigProperty(name = KafkaClients.DELIVERY_TIMEOUT_KEY)
    Duration producerDeliveryTimeout;

    private EngineSettings engine;

    void validateAtStart(@Observes Startup startup) {
        EngineSettings checked = engine();
        RetryPolicy policy = checked.policy();
        LOG.info(() -> "retry policy: " + RetryPolicy.MAX_RETRIES + "=" + policy.maxRetries() + ", backoff " + policy.initial()
                + " x" + policy.multiplier() + " up to " + policy.max() + ", jitter " + policy.jitter() + "; window "
                + policy.window() + ", lease " + lease + " (longest send " + checked.maxSendTime() + "), sweep every "
                + sweepInterval + ", in-memory jobs for retries due within " + horizon + ", dead-lettered after "
                + maxSendFailures + " failed sends; reply topics " + replyTopics);
    }

    /** The engine's settings, built and checked once. */
    public synchronized EngineSettings engine() {
        if (engine == null) {
            positive(EngineSettings.LEASE, lease);
            positive(EngineSettings.SWEEP_INTERVAL, sweepInterval);
            positive(EngineSettings.HORIZON, horizon);
            positive(TTL_MARGIN, ttlMargin);
            RetryPolicy policy = new RetryPolicy(maxRetries, initial, multiplier, max, jitter);
            engine = new EngineSettings(policy, ReplyTopics.of(replyTopics), lease, producerMaxBlock.plus(producerDeliveryTimeout),
                    sweepInterval, horizon, maxSendFailures, policy.window().plus(ttlMargin));
        }
        return engine;
    }

    public RetryPolicy policy() {
        return engine().policy();
    }

    /** Where a retry may be redelivered. */
    public ReplyTopics replyTopics() {
        return engine().replyTopics();
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidRetryConfigException(key + " must be a positive duration such as PT30S, was '" + value
                    + "' (environment variable " + ConfigValues.envName(key) + ")");
        }
    }
}
