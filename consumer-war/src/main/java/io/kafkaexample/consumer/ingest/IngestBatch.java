package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.event.InvalidEventException;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.common.tracing.RecordSpans;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.consumer.notifications.NotificationFeed;
import io.kafkaexample.consumer.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies one batch of a channel, in delivery order, so each partition's records keep theirs: decodes every
 * record, applies the valid ones in one Redis pipeline, hands every failed record to the retry service (an
 * invalid one as not retryable), waits until the broker has all of them, then acknowledges every message. A
 * pipeline that fails as a whole (Redis unreachable) hands all its records on as retryable: applying is
 * idempotent, so those that did apply change nothing when they come back. Each record is processed in a
 * {@code process <topic>} span of the trace it carries, ended with the batch.
 */
@ApplicationScoped
public class IngestBatch {

    private static final Logger LOG = Logger.getLogger(IngestBatch.class.getName());
    /** Failed records a batch's log line names; the rest are counted. */
    private static final int NAMED_FAILURES = 3;

    @Inject
    ReadModel readModel;

    @Inject
    FailureForwarder forwarder;

    @Inject
    NotificationFeed feed;

    @Inject
    IngestMetrics metrics;

    @Inject
    Tracing tracing;

    void apply(List<Message<byte[]>> messages) {
        long start = System.nanoTime();
        List<ConsumerRecord<byte[], byte[]>> records = messages.stream().map(IngestBatch::record).toList();
        RecordSpans spans = tracing.process(records, Channels.GROUP);
        try {
            apply(messages, records, spans, start);
        } finally {
            spans.end();
        }
    }

    private void apply(List<Message<byte[]>> messages, List<ConsumerRecord<byte[], byte[]>> records, RecordSpans spans, long start) {
        List<FailureForwarder.Failure> failures = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> valid = new ArrayList<>(records.size());
        List<EventDecoder.Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                decoded.add(EventDecoder.decode(record.key(), record.value()));
                valid.add(record);
            } catch (InvalidEventException e) {
                failures.add(new FailureForwarder.Failure(record, e, false));
            }
        }
        int applied = applyValid(valid, decoded, failures);
        failures.forEach(failure -> spans.failed(failure.record(), failure.error()));
        if (!forwarder.forward(failures, spans)) {
            return; // stopping: unacknowledged, so Kafka delivers the batch again after the restart
        }
        messages.forEach(Message::ack);
        String topic = records.get(0).topic();
        metrics.batch(topic, records.size(), applied, failures.size(), System.nanoTime() - start);
        log(records, applied, failures);
    }

    /** Applies the decoded records; adds those that failed to {@code failures}; returns how many changed the model. */
    private int applyValid(List<ConsumerRecord<byte[], byte[]>> valid, List<EventDecoder.Decoded> decoded,
                           List<FailureForwarder.Failure> failures) {
        if (decoded.isEmpty()) {
            return 0;
        }
        List<ReadModel.Answer> answers;
        long start = System.nanoTime();
        try {
            answers = readModel.apply(decoded.stream().map(EventDecoder.Decoded::change).toList());
            metrics.redis(valid.get(0).topic(), System.nanoTime() - start);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Redis failed for a whole batch of " + valid.size() + " from " + range(valid) + " (" + e
                    + "): handed to the retry service as retryable");
            valid.forEach(record -> failures.add(new FailureForwarder.Failure(record, e, true)));
            return 0;
        }
        int applied = 0;
        for (int i = 0; i < answers.size(); i++) {
            ReadModel.Answer answer = answers.get(i);
            EventDecoder.Decoded event = decoded.get(i);
            ConsumerRecord<byte[], byte[]> record = valid.get(i);
            if (answer.error() != null) {
                failures.add(new FailureForwarder.Failure(record, answer.error(), true));
            } else if (answer.outcome() == ReadModel.Outcome.UNKNOWN_USER) {
                failures.add(new FailureForwarder.Failure(record, new UnknownUserException(event.userId()), true));
            } else {
                if (answer.outcome() == ReadModel.Outcome.APPLIED) {
                    applied++;
                    if (event.notification() != null) {
                        feed.publish(event.notification());
                    }
                }
                LOG.fine(() -> "record " + RecordPosition.of(record) + " event " + event.event().id() + " " + answer.outcome());
            }
        }
        return applied;
    }

    private static void log(List<ConsumerRecord<byte[], byte[]>> records, int applied, List<FailureForwarder.Failure> failures) {
        Level level = failures.isEmpty() ? Level.FINE : Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        String named = failures.stream().limit(NAMED_FAILURES).map(FailureForwarder.Failure::describe).collect(Collectors.joining("; "));
        LOG.log(level, "batch of " + records.size() + " from " + range(records) + ": " + applied + " applied, "
                + (records.size() - applied - failures.size()) + " unchanged, " + failures.size() + " handed to retry"
                + (failures.isEmpty() ? "" : ": " + named + (failures.size() > NAMED_FAILURES ? "; and " + (failures.size() - NAMED_FAILURES) + " more" : "")));
    }

    /** The first and last position of a batch, for a log line. */
    private static String range(List<ConsumerRecord<byte[], byte[]>> records) {
        String first = RecordPosition.of(records.get(0));
        return records.size() == 1 ? first : first + " .. " + RecordPosition.of(records.get(records.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<byte[], byte[]> record(Message<byte[]> message) {
        return message.unwrap(ConsumerRecord.class);
    }
}
