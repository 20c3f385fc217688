/**
 * The retry rules: backoff, jitter and when to give up. Plain Java, no I/O, no framework.
 */
package io.kafkaexample.retry.policy;
