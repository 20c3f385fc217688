/**
 * retry-war's state in Redis: the keys, the Lua scripts that change it atomically, and the reads of the schedule.
 */
package io.kafkaexample.retry.store;
