package io.kafkaexample.common.tracing;

import io.kafkaexample.common.kafka.Utf8;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The trace of an event through Kafka: reads and writes the W3C Trace Context of records ({@link TraceHeaders}),
 * and starts the spans of the messaging semantic conventions: {@code create <topic>} (an event written to the
 * outbox), {@code send <topic>} (a record to the broker, whose context goes into the record) and
 * {@code process <topic>} ({@link RecordSpans}). With the SDK disabled (MicroProfile Telemetry's default) every
 * method returns at once: no span, no header read or written.
 */
@ApplicationScoped
public class Tracing {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final String KAFKA = "kafka";
    private static final String SCOPE = "io.kafkaexample";

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean on;

    @Inject
    public Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        // a disabled SDK's propagator is the no-op one, which names no field
        this.on = !propagator.fields().isEmpty();
    }

    /** For the CDI proxy only. */
    protected Tracing() {
        this(OpenTelemetry.noop());
    }

    /** The trace context a record's headers carry; the root context (a new trace) if none. */
    public Context extract(Headers headers) {
        return on ? propagator.extract(Context.root(), headers, TraceHeaders.FROM_HEADERS) : Context.root();
    }

    /** The trace context of an outbox entry's fields ({@link #fields}); the root context if none. */
    public Context extract(Map<String, String> fields) {
        return on ? propagator.extract(Context.root(), fields, TraceHeaders.FROM_FIELDS) : Context.root();
    }

    /**
     * Replaces the trace headers of {@code headers} with {@code context}'s. With tracing off it leaves them as they
     * are: a record's own trace headers are carried on like any other header.
     */
    public void inject(Context context, Headers headers) {
        if (on) {
            TraceHeaders.replace(headers, fields(context));
        }
    }

    /** {@code context}'s trace as {@link TraceHeaders} name, value pairs: empty with tracing off. */
    public Map<String, String> fields(Context context) {
        Map<String, String> fields = new HashMap<>(4);
        if (on) {
            propagator.inject(context, fields, TraceHeaders.TO_MAP);
        }
        return fields;
    }

    /** {@code create <topic>}: an event written to the outbox, a child of the current span (the request's). */
    public Span create(String topic, String key) {
        if (!on) {
            return Span.getInvalid();
        }
        Span span = tracer.spanBuilder("create " + topic).setSpanKind(SpanKind.PRODUCER).startSpan();
        if (span.isRecording()) {
            operation(span, "create", topic).setAttribute(KEY, key);
        }
        return span;
    }

    /** {@code send <topic>}: a record sent to the broker, a child of {@code parent}; its context belongs in the record. */
    public Span send(Context parent, String topic, byte[] key) {
        return send(parent, topic, key, null);
    }

    /** The same, linked to the span of {@code cause} (what made this send happen in another trace: a request). */
    public Span send(Context parent, String topic, byte[] key, Context cause) {
        if (!on) {
            return Span.getInvalid();
        }
        SpanBuilder builder = tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER).setParent(parent);
        SpanContext link = cause == null ? SpanContext.getInvalid() : Span.fromContext(cause).getSpanContext();
        if (link.isValid()) {
            builder.addLink(link);
        }
        Span span = builder.startSpan();
        if (span.isRecording()) {
            operation(span, "send", topic).setAttribute(KEY, Utf8.text(key));
        }
        return span;
    }

    /**
     * The spans of processing a batch of {@code records} of one channel in consumer group {@code group}: a
     * {@code process <topic>} span per record, a child of the context the record carries, and one batch span that
     * links them all.
     */
    public RecordSpans process(List<ConsumerRecord<byte[], byte[]>> records, String group) {
        if (!on || records.isEmpty()) {
            return RecordSpans.NONE;
        }
        String topic = records.get(0).topic();
        String name = "process " + topic;
        List<Context> parents = new ArrayList<>(records.size());
        SpanBuilder batchBuilder = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER).setNoParent();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Context parent = extract(record.headers());
            parents.add(parent);
            SpanContext carried = Span.fromContext(parent).getSpanContext();
            if (carried.isValid()) {
                batchBuilder.addLink(carried);
            }
        }
        Span batch = batchBuilder.startSpan();
        if (batch.isRecording()) {
            operation(batch, "process", topic).setAttribute(GROUP, group).setAttribute(BATCH_COUNT, (long) records.size());
        }
        List<Span> inOrder = new ArrayList<>(records.size());
        Map<ConsumerRecord<?, ?>, Span> spans = new IdentityHashMap<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            Span span = tracer.spanBuilder(record.topic().equals(topic) ? name : "process " + record.topic())
                    .setSpanKind(SpanKind.CONSUMER).setParent(parents.get(i)).addLink(batch.getSpanContext()).startSpan();
            if (span.isRecording()) {
                operation(span, "process", record.topic()).setAttribute(GROUP, group)
                        .setAttribute(PARTITION, Integer.toString(record.partition()))
                        .setAttribute(OFFSET, record.offset())
                        .setAttribute(KEY, Utf8.text(record.key()));
            }
            inOrder.add(span);
            spans.put(record, span);
        }
        return new RecordSpans(batch, inOrder, spans);
    }

    /** Marks {@code span} as failed by {@code error}. */
    public static void failed(Span span, Throwable error) {
        if (span.isRecording()) {
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName() + ": " + error.getMessage());
            span.setAttribute(ERROR_TYPE, error.getClass().getName());
        }
    }

    private static Span operation(Span span, String operation, String topic) {
        return span.setAttribute(SYSTEM, KAFKA).setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_NAME, operation).setAttribute(OPERATION_TYPE, operation);
    }
}
