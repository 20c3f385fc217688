/** The notification of an applied event, and the live SSE feed of them. */
package io.kafkaexample.consumer.notifications;
