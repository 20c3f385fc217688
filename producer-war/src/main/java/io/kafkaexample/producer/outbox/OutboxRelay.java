package io.kafkaexample.producer.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves outbox entries to Kafka, oldest first, and deletes each entry only after the broker acknowledged
 * it (acks=all). Runs after every write (nudge) and every second; one instance at a time holds the relay
 * lease, so several producer-svc instances never publish an entry twice on purpose.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final String LEASE = Outbox.STREAM + ":lease";
    private static final int BATCH = 500;
    private static final Duration LEASE_TIME = Duration.ofSeconds(60);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    @Inject
    RedisClient redis;

    @Inject
    Producer<String, String> producer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticker;
    private volatile Instant failingSince;
    private volatile Instant lastFailureLog = Instant.EPOCH;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ticker = scheduler.scheduleWithFixedDelay(this::nudge, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    /** Asks for a relay round soon; rounds never overlap within an instance. */
    public void nudge() {
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
        if (!"OK".equals(redis.set(LEASE, owner, SetParams.setParams().nx().px(LEASE_TIME.toMillis())))) {
            return; // another instance relays
        }
        try {
            int relayed;
            do {
                relayed = relayBatch();
            } while (relayed == BATCH);
        } finally {
            redis.eval(RELEASE, List.of(LEASE), List.of(owner));
        }
    }

    /** Sends up to one batch; returns how many were acknowledged, stopping at the first failure. */
    private int relayBatch() {
        List<StreamEntry> entries = redis.xrange(Outbox.STREAM, "-", "+", BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            Map<String, String> fields = entry.getFields();
            var record = new ProducerRecord<>(fields.get(Outbox.TOPIC), fields.get(Outbox.KEY), fields.get(Outbox.VALUE));
            record.headers().add("content-type", CONTENT_TYPE);
            try {
                sends.add(producer.send(record));
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
            redis.xdel(Outbox.STREAM, done.toArray(StreamEntryID[]::new));
        }
        if (failure != null) {
            logFailure((entries.size() - done.size()) + " events wait in the outbox: Kafka did not acknowledge them ("
                    + failure + "); retrying every " + pollInterval.toSeconds() + " s");
            return -1;
        }
        if (failingSince != null) {
            LOG.info("the outbox relay reaches Kafka again after " + Duration.between(failingSince, Instant.now()).toSeconds() + " s");
            failingSince = null;
        }
        return done.size();
    }

    private static void logPublished(Map<String, String> fields, RecordMetadata meta) {
        LOG.fine(() -> "published event " + fields.get(Outbox.EVENT_ID) + " key=" + fields.get(Outbox.KEY)
                + " to " + meta.topic() + "-" + meta.partition() + "@" + meta.offset());
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
