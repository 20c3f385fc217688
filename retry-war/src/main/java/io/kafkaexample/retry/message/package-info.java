/**
 * A failed message as retry-war sees it: the side-topic record, its envelope and the id its state is kept under;
 * and the read back of a topic that finds whether a copy whose send was not recorded landed.
 */
package io.kafkaexample.retry.message;
