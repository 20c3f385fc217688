package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The transactional outbox: a Redis stream written in the same atomic step as the data an event speaks
 * of, and emptied into Kafka by {@link OutboxRelay}. So an event is published if and only if its data was
 * stored, even when Kafka was unreachable at the time. Writing goes through {@link #write}, which wakes
 * the relay itself: no caller has to remember to.
 */
@Dependent
public class Outbox {

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Runnable nudge;

    @Inject
    Outbox(UnifiedJedis redis, RedisKeys keys, OutboxRelay relay) {
        this(redis, keys, relay::nudge);
    }

    /** An outbox outside CDI (the tests of the scripts): {@code nudge} stands for the relay. */
    public Outbox(UnifiedJedis redis, RedisKeys keys, Runnable nudge) {
        this.redis = redis;
        this.keys = keys;
        this.nudge = nudge;
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
        allArgs.addAll(entry.fields());
        Object result = script.eval(redis, allKeys, allArgs);
        nudge.run();
        return result;
    }
}
