/**
 * The incoming channels: each record is parsed, applied to the read model once, and acknowledged only
 * after that or after it was handed to the retry service.
 */
package io.kafkaexample.consumer.ingest;
