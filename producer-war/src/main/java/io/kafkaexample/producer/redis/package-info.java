/** The Redis keyspace of producer-svc: the names of every key its stores and scripts touch. */
package io.kafkaexample.producer.redis;
