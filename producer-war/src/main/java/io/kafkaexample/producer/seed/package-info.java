/** What a fresh Redis needs before anyone can log in: the roles of the original and the first administrator. */
package io.kafkaexample.producer.seed;
