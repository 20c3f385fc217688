package io.kafkaexample.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Where a record is, written {@code topic-partition@offset} in every log line, health check and API. */
public final class RecordPosition {

    private RecordPosition() {
    }

    public static String of(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    public static String of(ConsumerRecord<?, ?> record) {
        return of(record.topic(), record.partition(), record.offset());
    }

    public static String of(RecordMetadata sent) {
        return of(sent.topic(), sent.partition(), sent.offset());
    }
}
