/** Readiness as a GraphQL query. */
package io.kafkaexample.producer.status;
