/**
 * The service's own GraphQL status query.
 */
package io.kafkaexample.retry.status;
