package io.kafkaexample.consumer.ingest;

import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static io.kafkaexample.testsupport.Events.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.event.InvalidEventException;
import io.kafkaexample.common.redis.ScriptPipeline;
import io.kafkaexample.common.tracing.RecordSpans;
import io.kafkaexample.common.tracing.TraceHeaders;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.consumer.notifications.NotificationFeed;
import io.kafkaexample.consumer.readmodel.ReadModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** One batch, with the read model, the hand-off and the metrics in memory: every message ends acknowledged. */
class IngestBatchTest {

    private final List<List<ScriptPipeline.Call>> pipelines = new ArrayList<>();
    private final List<FailureForwarder.Failure> handedOn = new ArrayList<>();
    /** The trace id each failed record was handed on in, by its offset. */
    private final Map<Long, String> handedOnInTrace = new java.util.HashMap<>();
    private Tracing tracing = new Tracing(OpenTelemetry.noop());
    private Function<List<ScriptPipeline.Call>, List<ReadModel.Answer>> redis;
    private boolean brokerTakesThem = true;

    @Test
    void aBatchMixingGoodRetryableAndInvalidRecordsAppliesTheGoodHandsOnTheRestAndAcknowledgesAll() {
        String known = newId();
        String unknown = newId();
        List<TestMessage> batch = List.of(
                message(0, known, userCreated(newId(), known, "ada")),
                message(1, known, tokenIssued(newId(), known, "ada", Instant.now())),
                message(2, unknown, tokenIssued(newId(), unknown, "nobody", Instant.now())),
                message(3, known, "{not json"),
                message(4, "someone-else", tokenIssued(newId(), known, "ada", Instant.now())),
                message(5, known, tokenIssued(newId(), known, "ada", Instant.now())));
        // what Redis answers for the four valid records, in order: applied, applied, unknown user, a script error
        redis = calls -> List.of(new ReadModel.Answer(ReadModel.Outcome.APPLIED, null), new ReadModel.Answer(ReadModel.Outcome.APPLIED, null),
                new ReadModel.Answer(ReadModel.Outcome.UNKNOWN_USER, null), new ReadModel.Answer(null, new JedisDataException("ERR in script")));

        ingest().apply(messages(batch));

        assertEquals(1, pipelines.size(), "one round trip for the batch");
        assertEquals(4, pipelines.get(0).size(), "the four valid records, not the invalid ones");
        assertEquals(Map.of(2L, true, 3L, false, 4L, false, 5L, true), handedOnByOffset());
        assertTrue(handedOn.stream().filter(f -> f.record().offset() == 2).allMatch(f -> f.error() instanceof UnknownUserException));
        assertTrue(handedOn.stream().filter(f -> f.record().offset() == 4).allMatch(f -> f.error() instanceof InvalidEventException),
                "a record keyed otherwise than by its user is invalid");
        assertTrue(batch.stream().allMatch(m -> m.acked), "every message acknowledged, the failed ones once handed on");
    }

    @Test
    void aPipelineThatFailsAsAWholeHandsEveryValidRecordOnAsRetryableAndTheBatchIsAcknowledged() {
        String user = newId();
        List<TestMessage> batch = List.of(
                message(0, user, userCreated(newId(), user, "grace")),
                message(1, user, "{not json"),
                message(2, user, tokenIssued(newId(), user, "grace", Instant.now())));
        redis = calls -> {
            throw new JedisConnectionException("Connection refused");
        };

        ingest().apply(messages(batch));

        assertEquals(Map.of(0L, true, 1L, false, 2L, true), handedOnByOffset());
        assertTrue(batch.stream().allMatch(m -> m.acked));
    }

    @Test
    void aBatchWhoseHandOffDidNotCompleteStaysUnacknowledged() {
        String user = newId();
        List<TestMessage> batch = List.of(message(0, user, "{not json"), message(1, user, userCreated(newId(), user, "edsger")));
        redis = calls -> List.of(new ReadModel.Answer(ReadModel.Outcome.APPLIED, null));
        brokerTakesThem = false;

        ingest().apply(messages(batch));

        assertTrue(batch.stream().noneMatch(m -> m.acked), "Kafka delivers them again after the restart");
    }

    @Test
    void aFailedRecordIsHandedOnInTheTraceItCarries() {
        String user = newId();
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        TestMessage traced = message(0, user, tokenIssued(newId(), user, "alan", Instant.now()));
        traced.record.headers().add(TraceHeaders.TRACEPARENT, ("00-" + trace + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        TestMessage untraced = message(1, user, "{not json");
        redis = calls -> List.of(new ReadModel.Answer(ReadModel.Outcome.UNKNOWN_USER, null));
        // the W3C propagator with the no-op tracer: a process span carries on the context of its record
        tracing = new Tracing(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

        ingest().apply(messages(List.of(traced, untraced)));

        assertEquals(Map.of(0L, trace, 1L, "00000000000000000000000000000000"), handedOnInTrace);
    }

    private Map<Long, Boolean> handedOnByOffset() {
        return handedOn.stream().collect(Collectors.toMap(f -> f.record().offset(), FailureForwarder.Failure::retryable));
    }

    private IngestBatch ingest() {
        IngestBatch ingest = new IngestBatch();
        ingest.readModel = new ReadModel() {
            @Override
            public List<Answer> apply(List<ScriptPipeline.Call> changes) {
                pipelines.add(changes);
                return redis.apply(changes);
            }
        };
        ingest.forwarder = new FailureForwarder() {
            @Override
            public boolean forward(List<Failure> failures, RecordSpans spans) {
                handedOn.addAll(failures);
                failures.forEach(f -> handedOnInTrace.put(f.record().offset(),
                        Span.fromContext(spans.context(f.record())).getSpanContext().getTraceId()));
                return brokerTakesThem;
            }
        };
        ingest.feed = new NotificationFeed();
        ingest.tracing = tracing;
        ingest.metrics = new IngestMetrics() {
            @Override
            void batch(String topic, int size, int applied, int failed, long nanos) {
            }

            @Override
            void redis(String topic, long nanos) {
            }
        };
        return ingest;
    }

    private static List<Message<byte[]>> messages(List<TestMessage> batch) {
        return new ArrayList<>(batch);
    }

    private static TestMessage message(long offset, String key, String value) {
        return new TestMessage(new ConsumerRecord<>("issued-token", 3, offset, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A message of the connector: its record, and whether it was acknowledged. */
    private static final class TestMessage implements Message<byte[]> {

        private final ConsumerRecord<byte[], byte[]> record;
        private boolean acked;

        TestMessage(ConsumerRecord<byte[], byte[]> record) {
            this.record = record;
        }

        @Override
        public byte[] getPayload() {
            return record.value();
        }

        @Override
        public CompletionStage<Void> ack() {
            acked = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C> C unwrap(Class<C> type) {
            return (C) record;
        }
    }
}
