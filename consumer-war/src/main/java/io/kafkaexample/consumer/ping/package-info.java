/** {@code GET /ping}: a call of the producer through the MicroProfile REST client. */
package io.kafkaexample.consumer.ping;
