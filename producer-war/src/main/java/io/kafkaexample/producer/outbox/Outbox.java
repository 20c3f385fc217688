package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.event.CloudEvent;

/**
 * The transactional outbox: a Redis stream written in the same atomic step as the data an event speaks
 * of (a Lua script or a MULTI), and emptied into Kafka by {@link OutboxRelay}. So an event is published
 * if and only if its data was stored, even when Kafka was unreachable at the time.
 */
public final class Outbox {

    public static final String STREAM = "producer:outbox";
    static final String TOPIC = "topic";
    static final String KEY = "key";
    static final String VALUE = "value";
    static final String EVENT_ID = "event-id";

    private Outbox() {
    }

    /** The stream entry's fields, in XADD's field-value order. */
    public static String[] entry(String topic, String key, CloudEvent event) {
        return new String[] {TOPIC, topic, KEY, key, EVENT_ID, event.id(), VALUE, event.toJson()};
    }
}
