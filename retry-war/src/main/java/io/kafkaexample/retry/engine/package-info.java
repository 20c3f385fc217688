/**
 * The retry engine: every rule of retry-war in plain Java (counting, re-read recognition, classification,
 * backoff, reply-topic validation, dead-letter decisions, lease fencing, send failures, which retries are
 * held in memory), behind small ports for the state store ({@link io.kafkaexample.retry.engine.RetryState}),
 * the senders ({@link io.kafkaexample.retry.engine.Sender}, {@link io.kafkaexample.retry.engine.DeadLetters})
 * and time ({@link io.kafkaexample.retry.engine.Clock}). The adapters (Redis scripts, Kafka producer,
 * ManagedScheduledExecutorService) only store, compare and send.
 */
package io.kafkaexample.retry.engine;
