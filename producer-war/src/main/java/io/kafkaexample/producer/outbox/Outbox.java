package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.producer.redis.RedisKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The transactional outbox: a Redis stream written in the same atomic step as the data an event speaks
 * of, and emptied into Kafka by {@link OutboxRelay}. So an event is published if and only if its data was
 * stored, even when Kafka was unreachable at the time. Writing goes through {@link #write}, which wakes
 * the relay itself: no caller has to remember to. An entry keeps the trace context it was written in (a
 * {@code create <topic>} span of the request's trace), so that its publishing and everything after it are in
 * the trace of the request.
 */
@Dependent
public class Outbox {

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Runnable nudge;
    private final Tracing tracing;

    @Inject
    Outbox(UnifiedJedis redis, RedisKeys keys, OutboxRelay relay, Tracing tracing) {
        this(redis, keys, relay::nudge, tracing);
    }

    /** An outbox outside CDI (the tests of the scripts): {@code nudge} stands for the relay. */
    public Outbox(UnifiedJedis redis, RedisKeys keys, Runnable nudge, Tracing tracing) {
        this.redis = redis;
        this.keys = keys;
        this.nudge = nudge;
        this.tracing = tracing;
    }

    /**
     * Runs a script that stores data and, when it succeeds, appends the entry to the outbox; then wakes
     * the relay. The script gets the outbox stream as its last key and the entry's fields as its last
     * {@value OutboxEntry#FIELD_ARGS} arguments. Whatever the script answered, the relay is woken: a
     * round that finds nothing costs one SET and one XRANGE.
     */
    public Object write(RedisScript script, List<String> scriptKeys, List<String> args, OutboxEntry entry) {
        List<String> allKeys = new ArrayList<>(scriptKeys);
        allKeys.add(keys.outbox());
        List<String> allArgs = new ArrayList<>(args);
        Span create = tracing.create(entry.topic(), entry.key());
        Object result;
        try {
            allArgs.addAll(entry.fields(tracing.fields(Context.current().with(create))));
            result = script.eval(redis, allKeys, allArgs);
        } catch (RuntimeException e) {
            Tracing.failed(create, e);
            throw e;
        } finally {
            create.end();
        }
        nudge.run();
        return result;
    }
}
