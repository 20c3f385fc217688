package io.kafkaexample.producer.auth;

import io.kafkaexample.common.auth.TokenKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/** The producer verifies its own tokens with its own key, not through an HTTP call to itself. */
@Alternative
@Priority(1)
@ApplicationScoped
public class LocalTokenKeys implements TokenKeys {

    @Inject
    SigningKey key;

    @Override
    public VerificationKeyResolver resolver() {
        return (jws, nesting) -> key.publicKey();
    }
}
