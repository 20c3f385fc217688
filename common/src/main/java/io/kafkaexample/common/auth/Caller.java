package io.kafkaexample.common.auth;

import java.time.Instant;

/** Who sent a request, as stated by a verified access token of producer-svc. */
public record Caller(String id, String username, String email, String role, String tokenId, Instant expiresAt) {

    public boolean isAdmin() {
        return Roles.ADMINS.contains(role);
    }
}
