package io.kafkaexample.common.auth;

import io.kafkaexample.common.graphql.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies the bearer token of the current request: RS256 signature against the producer's key, issuer,
 * expiry. Done here rather than by the container so that one GraphQL endpoint serves anonymous and
 * authenticated operations alike, and answers a bad token with a GraphQL error rather than a bare 401.
 */
@ApplicationScoped
public class CallerResolver {

    private static final Logger LOG = Logger.getLogger(CallerResolver.class.getName());
    private static final String BEARER = "Bearer ";
    private static final int CLOCK_SKEW_SECONDS = 30;

    @Inject
    HttpServletRequest request;

    @Inject
    TokenKeys keys;

    @Inject
    CredentialVersions credentials;

    @Inject
    @ConfigProperty(name = "jwt.issuer")
    String issuer;

    /** The caller, or empty for a request without a token. A token that is present must be valid. */
    public Optional<Caller> current() throws ClientError {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ClientError("the Authorization header must be 'Bearer <token>'");
        }
        return Optional.of(verify(header.substring(BEARER.length()).trim()));
    }

    public Caller required() throws ClientError {
        return current().orElseThrow(() -> new ClientError("this operation needs a token: send 'Authorization: Bearer <token>' from login"));
    }

    public Caller admin() throws ClientError {
        Caller caller = required();
        if (!caller.isAdmin()) {
            throw new ClientError("this operation is for administrators only (role ADMIN or SUPER_ADMIN)");
        }
        return caller;
    }

    Caller verify(String token) throws ClientError {
        JwtClaims claims;
        try {
            claims = consumer().processToClaims(token);
        } catch (InvalidJwtException e) {
            // the details say which check failed; they are logged without the token
            LOG.fine(() -> "rejected a token: " + e.getErrorDetails());
            throw new ClientError(e.hasExpired() ? "the token has expired: log in again or use refreshToken"
                    : "the token is not valid: it was not issued by producer-svc or was altered");
        }
        try {
            String id = claims.getStringClaimValue(TokenClaims.ID);
            String role = claims.getStringClaimValue(TokenClaims.ROLE);
            Object credential = claims.getClaimValue(TokenClaims.CREDENTIAL);
            if (id == null || role == null || !(credential instanceof Number version)) {
                throw new ClientError("the token is not an access token of producer-svc");
            }
            checkCredential(id, version.longValue(), claims.getJwtId());
            return new Caller(id, claims.getStringClaimValue(TokenClaims.USERNAME),
                    claims.getStringClaimValue(TokenClaims.EMAIL), role, claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (MalformedClaimException e) {
            throw new ClientError("the token is not an access token of producer-svc");
        }
    }

    /** A token outlives neither its user nor a password change: refused before it expires. */
    private void checkCredential(String userId, long version, String tokenId) throws ClientError {
        Long current = credentials.current(userId).orElse(null);
        if (current == null) {
            LOG.info(() -> "refused token " + tokenId + ": user " + userId + " no longer exists");
            throw new ClientError("the user of this token no longer exists");
        }
        if (current != version) {
            LOG.info(() -> "refused token " + tokenId + " of user " + userId + ": credential version " + version
                    + ", now " + current);
            throw new ClientError("the token was revoked (the password changed): log in again");
        }
    }

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys.resolver())
                .build();
    }
}
