/** Roles and their access levels: who may grant which role. */
package io.kafkaexample.producer.role;
