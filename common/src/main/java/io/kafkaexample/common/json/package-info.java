/** Jakarta JSON with its provider looked up once per application. */
package io.kafkaexample.common.json;
