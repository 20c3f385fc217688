package io.kafkaexample.common.auth;

import com.ibm.websphere.security.jwt.Claims;
import com.ibm.websphere.security.jwt.InvalidConsumerException;
import com.ibm.websphere.security.jwt.InvalidTokenException;
import com.ibm.websphere.security.jwt.JwtConsumer;
import io.kafkaexample.common.graphql.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Verifies the bearer token of the current request with Liberty's JWT consumer (signature against the
 * producer's JWKS, issuer, expiry). Done here rather than by the container so that a GraphQL endpoint
 * serves anonymous and authenticated operations alike, and answers a bad token with a GraphQL error.
 */
@ApplicationScoped
public class CallerResolver {

    private static final Logger LOG = Logger.getLogger(CallerResolver.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    HttpServletRequest request;

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
        Claims claims;
        try {
            claims = JwtConsumer.create(TokenClaims.CONSUMER_ID).createJwt(token).getClaims();
        } catch (InvalidTokenException e) {
            // the runtime's message says which check failed (expired, signature, issuer); never the token
            LOG.fine(() -> "rejected a token: " + e.getMessage());
            throw new ClientError(expired(e) ? "the token has expired: log in again or use refreshToken"
                    : "the token is not valid: it was not issued by producer-svc or was altered");
        } catch (InvalidConsumerException e) {
            throw new IllegalStateException("jwtConsumer '" + TokenClaims.CONSUMER_ID + "' is not configured", e);
        }
        String id = claims.getClaim(TokenClaims.ID, String.class);
        String role = claims.getClaim(TokenClaims.ROLE, String.class);
        if (id == null || role == null) {
            throw new ClientError("the token is not an access token of producer-svc");
        }
        return new Caller(id, claims.getClaim(TokenClaims.USERNAME, String.class),
                claims.getClaim(TokenClaims.EMAIL, String.class), role, claims.getJwtId(),
                Instant.ofEpochSecond(claims.getExpiration()));
    }

    private static boolean expired(InvalidTokenException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("CWWKS6025E") || message.toLowerCase().contains("expired");
    }
}
