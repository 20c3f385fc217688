package io.kafkaexample.common.auth;

/** The claims of an access token beyond the registered ones (jti, exp, iat, iss, sub). */
public final class TokenClaims {

    public static final String ID = "id";
    public static final String USERNAME = "username";
    public static final String EMAIL = "email";
    public static final String ROLE = "role";
    /** The user's credential version when the token was issued (see {@link CredentialVersions}). */
    public static final String CREDENTIAL = "cv";

    private TokenClaims() {
    }
}
