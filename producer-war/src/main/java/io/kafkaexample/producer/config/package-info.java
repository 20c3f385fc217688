/**
 * The environment the service runs in. Each feature groups its own keys in a config class of its package,
 * checked at start with common's {@code ConfigValues}; the defaults live only in
 * {@code META-INF/microprofile-config.properties}.
 */
package io.kafkaexample.producer.config;
