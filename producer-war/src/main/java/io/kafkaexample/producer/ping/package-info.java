/** The target of consumer-svc's inter-service call. */
package io.kafkaexample.producer.ping;
