package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.producer.redis.RedisKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves outbox entries to Kafka, oldest first, a batch at a time, no entry before the earlier ones of its key
 * ({@link OrderedRelay}), and deletes every entry the broker acknowledged (acks=all). Runs after every write
 * (the {@link Outbox} wakes it) and every poll interval; one instance at a time holds the {@link RelayLease},
 * renewed before each batch; a round stops at its first failure, and the next starts from the oldest entry left.
 * Each send is a {@code send <topic>} span in the trace the entry was written in, and its context is in the record.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 500;
    private static final Duration LEASE_TIME = Duration.ofSeconds(60);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisKeys keys;

    @Inject
    Producer<byte[], byte[]> producer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxConfig config;

    @Inject
    Tracing tracing;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private RelayLease lease;
    private volatile ScheduledFuture<?> ticker;
    private volatile Instant failingSince;
    private volatile Instant lastFailureLog = Instant.EPOCH;

    @PostConstruct
    void init() {
        lease = new RelayLease(redis, keys, UUID.randomUUID().toString(), LEASE_TIME);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long interval = config.pollInterval().toMillis();
        ticker = scheduler.scheduleWithFixedDelay(this::nudge, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    /** Asks for a relay round soon (the outbox after each write, the ticker); rounds never overlap here. */
    void nudge() {
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::relayWhilePending);
            } catch (RejectedExecutionException e) {
                running.set(false); // the server is stopping; the entries wait in Redis for the next start
            }
        }
    }

    private void relayWhilePending() {
        try {
            while (pending.getAndSet(false)) {
                relayAll();
            }
        } catch (RuntimeException e) {
            logFailure("the outbox relay failed: " + e);
        } finally {
            running.set(false);
        }
        if (pending.get()) {
            nudge();
        }
    }

    private void relayAll() {
        if (!lease.acquire()) {
            return; // another instance relays
        }
        try {
            int relayed;
            do {
                if (!lease.renew()) {
                    LOG.warning("the outbox relay lease ran out during a round (a stall longer than " + LEASE_TIME.toSeconds()
                            + " s): another instance relays now; this one stops");
                    return;
                }
                relayed = relayBatch();
            } while (relayed == BATCH);
        } finally {
            lease.release();
        }
    }

    /** Publishes up to one batch; returns how many entries were published, or -1 if any failed. */
    private int relayBatch() {
        List<StreamEntry> entries = redis.xrange(keys.outbox(), "-", "+", BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        Map<StreamEntry, Span> sends = new IdentityHashMap<>(entries.size());
        var result = OrderedRelay.publish(producer, entries.stream().map(entry -> traced(entry, sends)).toList());
        endSends(sends, result);
        if (!result.published().isEmpty()) {
            redis.xdel(keys.outbox(), result.published().stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
            result.published().forEach(entry -> logPublished(entry.getFields()));
        }
        if (result.failure().isPresent()) {
            logFailure((entries.size() - result.published().size()) + " events wait in the outbox: Kafka did not acknowledge them ("
                    + result.failure().get() + "); retrying every " + config.pollInterval().toMillis() + " ms, each key's in its order");
            return -1;
        }
        if (failingSince != null) {
            LOG.info("the outbox relay reaches Kafka again after " + Duration.between(failingSince, Instant.now()).toSeconds() + " s");
            failingSince = null;
        }
        return entries.size();
    }

    /** The record of {@code entry}, sent in a span of the entry's trace ({@code sends}) whose context it carries. */
    private OrderedRelay.Entry<StreamEntry> traced(StreamEntry entry, Map<StreamEntry, Span> sends) {
        var record = OutboxEntry.record(entry.getFields());
        Context written = tracing.extract(entry.getFields());
        Span send = tracing.send(written, record.topic(), record.key());
        tracing.inject(written.with(send), record.headers());
        sends.put(entry, send);
        return new OrderedRelay.Entry<>(entry, record);
    }

    /** Ends the spans of a batch's sends: those the broker did not acknowledge as failed. */
    private static void endSends(Map<StreamEntry, Span> sends, OrderedRelay.Result<StreamEntry> result) {
        Set<StreamEntry> published = Collections.newSetFromMap(new IdentityHashMap<>());
        published.addAll(result.published());
        sends.forEach((entry, span) -> {
            if (!published.contains(entry)) {
                result.failure().ifPresent(failure -> Tracing.failed(span, failure));
            }
            span.end();
        });
    }

    private static void logPublished(Map<String, String> fields) {
        LOG.fine(() -> "published event " + fields.get(OutboxEntry.EVENT_ID_FIELD) + " key=" + fields.get(OutboxEntry.KEY_FIELD)
                + " to " + fields.get(OutboxEntry.TOPIC_FIELD));
    }

    private void logFailure(String message) {
        Instant now = Instant.now();
        if (failingSince == null) {
            failingSince = now;
        }
        if (Duration.between(lastFailureLog, now).compareTo(FAILURE_LOG_INTERVAL) >= 0) {
            lastFailureLog = now;
            LOG.log(Level.WARNING, message);
        }
    }
}
