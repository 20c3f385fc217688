package io.kafkaexample.producer.auth;

import com.ibm.websphere.security.jwt.JwtBuilder;
import com.ibm.websphere.security.jwt.JwtException;
import com.ibm.websphere.security.jwt.JwtToken;
import io.kafkaexample.common.auth.TokenClaims;
import io.kafkaexample.producer.user.StoredUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Signs access tokens with Liberty's JWT builder (the {@code access-tokens} jwtBuilder of server.xml). */
@ApplicationScoped
public class TokenIssuer {

    /** The jwtBuilder of server.xml. */
    static final String BUILDER_ID = "access-tokens";

    @Inject
    SigningKey key;

    @Inject
    TokenConfig config;

    public IssuedToken issue(StoredUser user, String roleName) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.accessLifetime());
        try {
            JwtToken jwt = JwtBuilder.create(BUILDER_ID)
                    .issuer(config.issuer())
                    .subject(user.id())
                    .jwtId(true)
                    .expirationTime(expires.getEpochSecond())
                    .claim(TokenClaims.ID, user.id())
                    .claim(TokenClaims.USERNAME, user.username())
                    .claim(TokenClaims.EMAIL, user.email())
                    .claim(TokenClaims.ROLE, roleName)
                    .claim("upn", user.username())
                    .claim("groups", java.util.List.of(roleName))
                    .signWith("RS256", key.privateKey())
                    .buildJwt();
            return new IssuedToken(jwt.compact(), jwt.getClaims().getJwtId(),
                    Instant.ofEpochSecond(jwt.getClaims().getIssuedAt()), expires);
        } catch (JwtException | com.ibm.websphere.security.jwt.InvalidBuilderException
                 | com.ibm.websphere.security.jwt.InvalidClaimException | com.ibm.websphere.security.jwt.KeyException e) {
            throw new IllegalStateException("cannot build an access token: " + e.getMessage(), e);
        }
    }
}
