package io.kafkaexample.common.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/** The producer's JWKS ({@code jwt.jwks-url}, from PRODUCER_SVC_ENDPOINT), fetched on first use and cached. */
@ApplicationScoped
public class JwksTokenKeys implements TokenKeys {

    @Inject
    @ConfigProperty(name = "jwt.jwks-url")
    String jwksUrl;

    private VerificationKeyResolver resolver;

    @PostConstruct
    void init() {
        HttpsJwks jwks = new HttpsJwks(jwksUrl);
        // a key the cache does not know makes the resolver fetch again, so a rotated key is picked up
        jwks.setDefaultCacheDuration(300);
        jwks.setRetainCacheOnErrorDuration(3600);
        resolver = new HttpsJwksVerificationKeyResolver(jwks);
    }

    @Override
    public VerificationKeyResolver resolver() {
        return resolver;
    }
}
