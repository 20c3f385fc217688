package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.common.tracing.TraceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One event on its way to Kafka: the topic, the record key, the CloudEvent. */
public record OutboxEntry(String topic, String key, CloudEvent event) {

    static final String TOPIC_FIELD = "topic";
    static final String KEY_FIELD = "key";
    static final String VALUE_FIELD = "value";
    static final String EVENT_ID_FIELD = "event-id";
    /** How many arguments {@link #fields} adds to a script's ARGV. */
    static final int FIELD_ARGS = 12;
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    /**
     * The stream entry's fields, in XADD's field, value order: the event, and the trace context it was written in
     * ({@code trace}: {@link TraceHeaders} name, value pairs), empty values for what the context lacks (tracing off),
     * so that every entry has the same {@value #FIELD_ARGS} arguments.
     */
    List<String> fields(Map<String, String> trace) {
        return List.of(TOPIC_FIELD, topic, KEY_FIELD, key, EVENT_ID_FIELD, event.id(), VALUE_FIELD, event.toJson(),
                TraceHeaders.TRACEPARENT, trace.getOrDefault(TraceHeaders.TRACEPARENT, ""),
                TraceHeaders.TRACESTATE, trace.getOrDefault(TraceHeaders.TRACESTATE, ""));
    }

    /** The Kafka record of a stream entry that {@link #fields} wrote, without trace headers: the relay's send adds its own. */
    static ProducerRecord<byte[], byte[]> record(Map<String, String> fields) {
        var record = new ProducerRecord<>(fields.get(TOPIC_FIELD), Utf8.bytes(fields.get(KEY_FIELD)), Utf8.bytes(fields.get(VALUE_FIELD)));
        record.headers().add("content-type", CONTENT_TYPE);
        return record;
    }
}
