/**
 * Logging in: access tokens (JWTs signed with the service's RSA key, published as a JWKS), single-use refresh
 * tokens, changing a password, and the {@code token.issued} event of every access token issued.
 */
package io.kafkaexample.producer.auth;
