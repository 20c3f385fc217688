/**
 * One trace per event across every hop: the W3C Trace Context of a record in its Kafka headers (and of an outbox
 * entry in its fields), and the spans of sending and processing records, named and attributed after the
 * OpenTelemetry semantic conventions for messaging. Through the OpenTelemetry API of Liberty's MicroProfile
 * Telemetry: with tracing off (the default) every call is a no-op and a record's headers are carried on unchanged.
 */
package io.kafkaexample.common.tracing;
