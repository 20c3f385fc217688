/**
 * Running due retries: a job per retry at its due time, a sweep for the rest, each claimed in Redis before it is sent.
 */
package io.kafkaexample.retry.redelivery;
