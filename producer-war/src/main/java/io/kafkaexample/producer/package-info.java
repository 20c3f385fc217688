/**
 * producer-svc: the users API that publishes {@code new-user-created} and {@code issued-token}. One
 * package per feature below this one; they never depend on each other in a circle (ArchitectureTest).
 */
package io.kafkaexample.producer;
