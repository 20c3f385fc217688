/**
 * Settings shared by the features: the environment the service runs in, and the checks that make a bad
 * value stop the start with a message naming the key. Each feature groups its own keys in a config class
 * of its package; the defaults live only in {@code META-INF/microprofile-config.properties}.
 */
package io.kafkaexample.producer.config;
