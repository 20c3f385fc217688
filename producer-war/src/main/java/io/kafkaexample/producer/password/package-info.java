/**
 * Passwords: how they are hashed and what a new one must be. Shared by signing up (user) and by logging in
 * and changing a password (auth), so it belongs to neither.
 */
package io.kafkaexample.producer.password;
