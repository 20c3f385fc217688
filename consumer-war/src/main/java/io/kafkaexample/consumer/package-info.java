/** consumer-svc: builds a read model in Redis from the producer's events and serves it over GraphQL and SSE. */
package io.kafkaexample.consumer;
