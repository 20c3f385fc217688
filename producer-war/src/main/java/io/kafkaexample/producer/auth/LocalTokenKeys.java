package io.kafkaexample.producer.auth;

import io.kafkaexample.common.auth.TokenKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * The producer verifies its own tokens with the keys it publishes, by their {@code kid}, not through an HTTP
 * call to itself: during a rotation, tokens of the previous key stay valid until they expire.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class LocalTokenKeys implements TokenKeys {

    @Inject
    SigningKey key;

    @Override
    public VerificationKeyResolver resolver() {
        return new JwksVerificationKeyResolver(key.published());
    }
}
