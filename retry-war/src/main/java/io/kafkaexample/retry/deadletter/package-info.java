/**
 * The dead-letter queue: publishing a message given up, and the administrators' GraphQL read, replay and discard of its letters.
 */
package io.kafkaexample.retry.deadletter;
