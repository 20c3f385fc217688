package io.kafkaexample.producer.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The public keys that verify our tokens as a JSON Web Key Set (RFC 7517), each with its {@code kid}: the
 * signing key's, and during a rotation the previous or next one ({@code jwt.additional-public-keys}).
 */
@Path("jwks")
public class JwksResource {

    @Inject
    SigningKey key;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(key.jwks()).cacheControl(cache).build();
    }
}
