/** The transactional outbox in Redis and the relay that publishes it to Kafka. */
package io.kafkaexample.producer.outbox;
