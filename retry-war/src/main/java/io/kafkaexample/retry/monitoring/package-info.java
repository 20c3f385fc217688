/**
 * The read side for operators: pending retries and counts over GraphQL, and the /metrics of retries and backlog.
 */
package io.kafkaexample.retry.monitoring;
