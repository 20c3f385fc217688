/**
 * retry-war's typed settings, read from MicroProfile Config and checked at start; they build the pure policy.
 */
package io.kafkaexample.retry.config;
