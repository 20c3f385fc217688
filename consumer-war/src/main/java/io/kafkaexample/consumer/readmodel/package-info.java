/** The read model in Redis (a hash per user, the feed of the latest events) and its GraphQL queries. */
package io.kafkaexample.consumer.readmodel;
