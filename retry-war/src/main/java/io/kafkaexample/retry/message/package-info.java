/**
 * A failed message as retry-war sees it: the side-topic record, its envelope and the id its state is kept under.
 */
package io.kafkaexample.retry.message;
