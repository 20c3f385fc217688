/**
 * Reading side-topic-for-retry: each failed record is counted and scheduled, or dead-lettered, before its offset is committed.
 */
package io.kafkaexample.retry.intake;
