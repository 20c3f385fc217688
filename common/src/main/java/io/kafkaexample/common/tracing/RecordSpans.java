package io.kafkaexample.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The spans of a batch of consumed records ({@link Tracing#process}): each record's {@code process <topic>} span
 * lives in the record's own trace, so the trace of an event shows its processing and what it caused (a hand-off
 * to the retry service is a child of it); the batch span links every record's trace, as a batch joins several.
 * All of them end together, when the batch is done.
 */
public final class RecordSpans {

    /** Tracing is off: no spans, and every record's context is the root. */
    static final RecordSpans NONE = new RecordSpans(Span.getInvalid(), List.of(), Map.of());

    private final Span batch;
    private final List<Span> inOrder;
    private final Map<ConsumerRecord<?, ?>, Span> spans;

    /** {@code spans}: each record's span by the record itself (identity), {@code inOrder} the same in the batch's order. */
    RecordSpans(Span batch, List<Span> inOrder, Map<ConsumerRecord<?, ?>, Span> spans) {
        this.batch = batch;
        this.inOrder = inOrder;
        this.spans = spans;
    }

    /** The context of {@code record}'s process span: the parent of whatever processing it sends on. */
    public Context context(ConsumerRecord<?, ?> record) {
        Span span = spans.get(record);
        return span == null ? Context.root() : Context.root().with(span);
    }

    /** Marks {@code record}'s processing as failed by {@code error}. */
    public void failed(ConsumerRecord<?, ?> record, Throwable error) {
        Span span = spans.get(record);
        if (span != null) {
            Tracing.failed(span, error);
        }
    }

    /** Ends every record's span, then the batch's. */
    public void end() {
        inOrder.forEach(Span::end);
        batch.end();
    }
}
