package io.kafkaexample.common.auth;

import org.jose4j.keys.resolvers.VerificationKeyResolver;

/** Where the public key that verifies access tokens comes from. */
public interface TokenKeys {

    VerificationKeyResolver resolver();
}
