/**
 * Limits on attempts that cost CPU or let an attacker guess: failed logins per username and per client
 * address, sign-ups per address, and one login or sign-up per request. The counters are in Redis, so
 * that every instance behind the load balancer enforces the same limits.
 */
package io.kafkaexample.producer.throttle;
