package io.kafkaexample.common.tracing;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C Trace Context of a record: the headers {@code traceparent} and {@code tracestate} (UTF-8), and the same
 * two as fields of an outbox entry. The one place of their names; a hop that sends a record replaces both with
 * its own span's ({@link Tracing#inject}), never appends.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final List<String> NAMES = List.of(TRACEPARENT, TRACESTATE);

    /** Reads a record's headers; the last value of a header wins, as in {@code Headers.lastHeader}. */
    static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** Reads the fields of an outbox entry, where an empty value stands for a header the context did not have. */
    static final TextMapGetter<Map<String, String>> FROM_FIELDS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> fields) {
            return fields.keySet();
        }

        @Override
        public String get(Map<String, String> fields, String key) {
            String value = fields == null ? null : fields.get(key);
            return value == null || value.isEmpty() ? null : value;
        }
    };

    static final TextMapSetter<Map<String, String>> TO_MAP = (map, key, value) -> map.put(key, value);

    private TraceHeaders() {
    }

    /** Replaces the trace headers of {@code headers} with {@code written} (what a propagator wrote). */
    static void replace(Headers headers, Map<String, String> written) {
        NAMES.forEach(headers::remove);
        written.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
