package io.kafkaexample.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

    @Test
    void theNamesAreTheOnesOfW3CTraceContext() {
        assertEquals(new HashSet<>(W3CTraceContextPropagator.getInstance().fields()), new HashSet<>(TraceHeaders.NAMES));
    }

    @Test
    void theLastValueOfAHeaderIsRead() {
        var headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, "first".getBytes(StandardCharsets.UTF_8));
        headers.add(TraceHeaders.TRACEPARENT, "last".getBytes(StandardCharsets.UTF_8));
        headers.add("other", null);

        assertEquals("last", TraceHeaders.FROM_HEADERS.get(headers, TraceHeaders.TRACEPARENT));
        assertNull(TraceHeaders.FROM_HEADERS.get(headers, TraceHeaders.TRACESTATE));
        assertNull(TraceHeaders.FROM_HEADERS.get(headers, "other"));
        assertEquals(List.of(TraceHeaders.TRACEPARENT, TraceHeaders.TRACEPARENT, "other"), TraceHeaders.FROM_HEADERS.keys(headers));
    }

    @Test
    void anEmptyFieldOfAnOutboxEntryIsNoValue() {
        assertNull(TraceHeaders.FROM_FIELDS.get(Map.of(TraceHeaders.TRACESTATE, ""), TraceHeaders.TRACESTATE));
        assertEquals("a=1", TraceHeaders.FROM_FIELDS.get(Map.of(TraceHeaders.TRACESTATE, "a=1"), TraceHeaders.TRACESTATE));
    }

    @Test
    void replacingLeavesOneValueOfEachAndOnlyWhatWasWritten() {
        var headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, "old-1".getBytes(StandardCharsets.UTF_8));
        headers.add(TraceHeaders.TRACEPARENT, "old-2".getBytes(StandardCharsets.UTF_8));
        headers.add(TraceHeaders.TRACESTATE, "old=state".getBytes(StandardCharsets.UTF_8));
        headers.add("retry-attempts", "2".getBytes(StandardCharsets.UTF_8));

        TraceHeaders.replace(headers, Map.of(TraceHeaders.TRACEPARENT, "new"));

        assertEquals(2, headers.toArray().length);
        assertEquals("new", new String(headers.lastHeader(TraceHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8));
        assertNull(headers.lastHeader(TraceHeaders.TRACESTATE));
        assertEquals("2", new String(headers.lastHeader("retry-attempts").value(), StandardCharsets.UTF_8));
    }
}
