/**
 * Alerts to an operator's webhook when a message is dead-lettered; never in the way of a retry.
 */
package io.kafkaexample.retry.alert;
