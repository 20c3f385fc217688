package io.kafkaexample.producer.auth;

import org.eclipse.microprofile.graphql.Description;

@Description("An access token (JWT, send it as 'Authorization: Bearer <token>') and a single-use refresh token")
public class Tokens {

    private final String token;
    private final String refreshToken;

    public Tokens(String token, String refreshToken) {
        this.token = token;
        this.refreshToken = refreshToken;
    }

    public String getToken() {
        return token;
    }

    public String getRefreshToken() {
        return refreshToken;
    }
}
