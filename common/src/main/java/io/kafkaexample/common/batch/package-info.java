/**
 * Gathering a channel's messages into batches applied one after the other: a whole poll's worth of records
 * costs one Redis round trip and one wait for the broker, not one of each per record.
 */
package io.kafkaexample.common.batch;
