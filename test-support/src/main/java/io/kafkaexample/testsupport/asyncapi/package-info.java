/**
 * kafka-docs/asyncapi.yaml in the tests: the records the services write are checked against the message of
 * their topic (key, headers, value), with the document's own JSON Schemas.
 */
package io.kafkaexample.testsupport.asyncapi;
