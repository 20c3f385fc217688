/** The GraphQL readiness query. */
package io.kafkaexample.consumer.status;
