package io.kafkaexample.common.tracing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TracingTest {

    private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_A = "b7ad6b7169203331";
    private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_B = "00f067aa0ba902b7";

    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final Tracing tracing = new Tracing(telemetry);

    @Test
    void aProcessSpanIsAChildOfTheContextItsRecordCarriesAndTheBatchLinksEveryRecord() {
        var a = record("issued-token", 3, 41L, "user-a", "00-" + TRACE_A + "-" + SPAN_A + "-01");
        var b = record("issued-token", 5, 7L, "user-b", "00-" + TRACE_B + "-" + SPAN_B + "-01");

        RecordSpans spans = tracing.process(List.of(a, b), "consumer-svc");
        spans.end();

        List<SpanData> processed = telemetry.ended().stream().filter(s -> s.getParentSpanContext().isValid()).toList();
        assertEquals(2, processed.size());
        SpanData first = processed.get(0);
        assertEquals("process issued-token", first.getName());
        assertEquals(SpanKind.CONSUMER, first.getKind());
        assertEquals(TRACE_A, first.getTraceId());
        assertEquals(SPAN_A, first.getParentSpanId());
        assertEquals(TRACE_B, processed.get(1).getTraceId());
        assertEquals(SPAN_B, processed.get(1).getParentSpanId());
        var attributes = first.getAttributes();
        assertEquals("kafka", attributes.get(Tracing.SYSTEM));
        assertEquals("issued-token", attributes.get(Tracing.DESTINATION));
        assertEquals("process", attributes.get(Tracing.OPERATION_NAME));
        assertEquals("process", attributes.get(Tracing.OPERATION_TYPE));
        assertEquals("consumer-svc", attributes.get(Tracing.GROUP));
        assertEquals("3", attributes.get(Tracing.PARTITION));
        assertEquals(41L, attributes.get(Tracing.OFFSET));
        assertEquals("user-a", attributes.get(Tracing.KEY));

        SpanData batch = telemetry.ended().stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().orElseThrow();
        assertEquals("process issued-token", batch.getName());
        assertEquals(2L, batch.getAttributes().get(Tracing.BATCH_COUNT));
        assertEquals(List.of(TRACE_A, TRACE_B), batch.getLinks().stream().map(LinkData::getSpanContext).map(SpanContext::getTraceId).toList());
        assertEquals(batch.getSpanId(), first.getLinks().get(0).getSpanContext().getSpanId(), "a record's span links its batch");
    }

    @Test
    void aRecordWithoutTraceHeadersStartsATraceOfItsOwn() {
        var plain = record("new-user-created", 0, 1L, "user-c", null);

        RecordSpans spans = tracing.process(List.of(plain), "consumer-svc");
        Span span = Span.fromContext(spans.context(plain));
        spans.end();

        assertTrue(span.getSpanContext().isValid());
        SpanData ended = telemetry.ended().stream().filter(s -> s.getSpanId().equals(span.getSpanContext().getSpanId())).findFirst().orElseThrow();
        assertFalse(ended.getParentSpanContext().isValid());
        assertTrue(telemetry.ended().stream().allMatch(s -> s.getLinks().stream().noneMatch(l -> !l.getSpanContext().isValid())),
                "nothing links an invalid context");
    }

    @Test
    void aSendIsAChildOfItsParentAndItsContextReplacesTheRecordsTraceHeaders() {
        var failed = record("issued-token", 1, 9L, "user-d", "00-" + TRACE_A + "-" + SPAN_A + "-01");
        failed.headers().add(TraceHeaders.TRACESTATE, "vendor=kept".getBytes(StandardCharsets.UTF_8));
        RecordSpans spans = tracing.process(List.of(failed), "consumer-svc");
        Headers handOff = new RecordHeaders(failed.headers().toArray());

        Span send = tracing.send(spans.context(failed), "side-topic-for-retry", "user-d".getBytes(StandardCharsets.UTF_8));
        tracing.inject(Context.root().with(send), handOff);
        send.end();
        spans.end();

        SpanData sent = telemetry.named("send side-topic-for-retry");
        assertEquals(SpanKind.PRODUCER, sent.getKind());
        assertEquals(TRACE_A, sent.getTraceId());
        assertEquals(Span.fromContext(spans.context(failed)).getSpanContext().getSpanId(), sent.getParentSpanId());
        assertEquals("send", sent.getAttributes().get(Tracing.OPERATION_NAME));
        assertEquals("side-topic-for-retry", sent.getAttributes().get(Tracing.DESTINATION));
        assertEquals("user-d", sent.getAttributes().get(Tracing.KEY));
        assertEquals(List.of("00-" + TRACE_A + "-" + sent.getSpanId() + "-01"), values(handOff, TraceHeaders.TRACEPARENT));
        assertEquals(List.of("vendor=kept"), values(handOff, TraceHeaders.TRACESTATE), "W3C: the tracestate goes on with the trace, once");
    }

    @Test
    void aSendLinksTheSpanOfItsCause() {
        Context letter = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE_A, SPAN_A, TraceFlags.getSampled(), TraceState.getDefault())));
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE_B, SPAN_B, TraceFlags.getSampled(), TraceState.getDefault())));

        tracing.send(letter, "consumer-svc-redelivery", null, request).end();

        SpanData replay = telemetry.named("send consumer-svc-redelivery");
        assertEquals(TRACE_A, replay.getTraceId());
        assertEquals(SPAN_B, replay.getLinks().get(0).getSpanContext().getSpanId());
        assertNull(replay.getAttributes().get(Tracing.KEY));
    }

    @Test
    void aFailureMarksItsSpan() {
        var record = record("issued-token", 0, 2L, "user-e", null);
        RecordSpans spans = tracing.process(List.of(record), "consumer-svc");
        spans.failed(record, new IllegalStateException("no user-e"));
        spans.end();

        SpanData failed = telemetry.ended().stream().filter(s -> s.getAttributes().get(Tracing.OFFSET) != null).findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals("IllegalStateException: no user-e", failed.getStatus().getDescription());
        assertEquals(IllegalStateException.class.getName(), failed.getAttributes().get(Tracing.ERROR_TYPE));
    }

    @Test
    void anOutboxEntryKeepsTheContextOfItsCreation() {
        Span request = Span.wrap(SpanContext.create(TRACE_B, SPAN_B, TraceFlags.getSampled(), TraceState.getDefault()));
        Map<String, String> fields;
        try (var ignored = request.makeCurrent()) {
            Span create = tracing.create("new-user-created", "user-f");
            fields = tracing.fields(Context.current().with(create));
            create.end();
        }

        SpanData created = telemetry.named("create new-user-created");
        assertEquals(SPAN_B, created.getParentSpanId());
        assertEquals("00-" + TRACE_B + "-" + created.getSpanId() + "-01", fields.get(TraceHeaders.TRACEPARENT));
        assertEquals(created.getSpanId(), Span.fromContext(tracing.extract(fields)).getSpanContext().getSpanId());
    }

    @Test
    void withTracingOffNothingIsRecordedAndARecordKeepsItsTraceHeaders() {
        Tracing off = new Tracing(OpenTelemetry.noop());
        var record = record("issued-token", 0, 3L, "user-g", "00-" + TRACE_A + "-" + SPAN_A + "-01");
        Headers copy = new RecordHeaders(record.headers().toArray());

        RecordSpans spans = off.process(List.of(record), "consumer-svc");
        off.inject(spans.context(record), copy);

        assertFalse(Span.fromContext(spans.context(record)).getSpanContext().isValid());
        assertArrayEquals(record.headers().lastHeader(TraceHeaders.TRACEPARENT).value(), copy.lastHeader(TraceHeaders.TRACEPARENT).value());
        assertTrue(off.fields(Context.current()).isEmpty());
        assertFalse(off.send(Context.root(), "issued-token", null).isRecording());
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key, String traceparent) {
        var record = new ConsumerRecord<>(topic, partition, offset, key.getBytes(StandardCharsets.UTF_8), new byte[0]);
        if (traceparent != null) {
            record.headers().add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static List<String> values(Headers headers, String name) {
        return StreamSupport.stream(headers.headers(name).spliterator(), false).map(h -> new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}
