package io.kafkaexample.producer.auth;

import java.time.Instant;

/** A signed access token and the facts about it that may be published (never the token itself). */
public record IssuedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {
}
