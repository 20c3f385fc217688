package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.producer.redis.RedisKeys;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves outbox entries to Kafka, oldest first, and deletes each entry only after the broker acknowledged
 * it (acks=all). Runs after every write (the {@link Outbox} wakes it) and every poll interval; one instance
 * at a time holds the {@link RelayLease}.
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
                relayed = relayBatch();
            } while (relayed == BATCH);
        } finally {
            lease.release();
        }
    }

    /** Sends up to one batch; returns how many were acknowledged, stopping at the first failure. */
    private int relayBatch() {
        List<StreamEntry> entries = redis.xrange(keys.outbox(), "-", "+", BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                sends.add(producer.send(OutboxEntry.record(entry.getFields())));
            } catch (RuntimeException e) {
                // no metadata within max.block.ms: the broker is unreachable, the rest would wait as long
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<StreamEntryID> done = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                RecordMetadata meta = sends.get(i).get();
                done.add(entries.get(i).getID());
                logPublished(entries.get(i).getFields(), meta);
            } catch (ExecutionException e) {
                failure = e.getCause().toString();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        if (!done.isEmpty()) {
            redis.xdel(keys.outbox(), done.toArray(StreamEntryID[]::new));
        }
        if (failure != null) {
            logFailure((entries.size() - done.size()) + " events wait in the outbox: Kafka did not acknowledge them ("
                    + failure + "); retrying every " + config.pollInterval().toMillis() + " ms");
            return -1;
        }
        if (failingSince != null) {
            LOG.info("the outbox relay reaches Kafka again after " + Duration.between(failingSince, Instant.now()).toSeconds() + " s");
            failingSince = null;
        }
        return done.size();
    }

    private static void logPublished(Map<String, String> fields, RecordMetadata meta) {
        LOG.fine(() -> "published event " + fields.get(OutboxEntry.EVENT_ID_FIELD) + " key="
                + fields.get(OutboxEntry.KEY_FIELD) + " to " + RecordPosition.of(meta));
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
