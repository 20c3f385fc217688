package io.kafkaexample.producer.auth;

import io.kafkaexample.common.auth.TokenClaims;
import io.kafkaexample.producer.user.StoredUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens (RS256) with the current {@link SigningKey}, naming it in the {@code kid} header so
 * that verifiers pick the right key of the JWKS while a rotation publishes two.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    SigningKey key;

    @Inject
    TokenConfig config;

    /** An access token of the user under the given credential version, which every service checks. */
    public IssuedToken issue(StoredUser user, String roleName, long credential) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(config.accessLifetime());
        String tokenId = UUID.randomUUID().toString();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(user.id());
        claims.setJwtId(tokenId);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setStringClaim(TokenClaims.ID, user.id());
        claims.setStringClaim(TokenClaims.USERNAME, user.username());
        claims.setStringClaim(TokenClaims.EMAIL, user.email());
        claims.setStringClaim(TokenClaims.ROLE, roleName);
        claims.setClaim(TokenClaims.CREDENTIAL, credential);
        // MicroProfile JWT's names, for a verifier that maps them to a caller principal and its groups
        claims.setStringClaim("upn", user.username());
        claims.setStringListClaim("groups", List.of(roleName));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        try {
            return new IssuedToken(jws.getCompactSerialization(), tokenId, now, expires);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
    }
}
