package io.kafkaexample.producer.auth;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/** The public half of the signing key as a JSON Web Key Set (RFC 7517), for every verifier of our tokens. */
@Path("jwks")
public class JwksResource {

    @Inject
    SigningKey key;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response jwks() {
        JsonObject jwk = Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("use", "sig")
                .add("alg", "RS256")
                .add("kid", key.keyId())
                .add("n", base64Url(key.publicKey().getModulus()))
                .add("e", base64Url(key.publicKey().getPublicExponent()))
                .build();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(jwk)).build())
                .cacheControl(cache).build();
    }

    /** RFC 7518 §6.3.1: unsigned big-endian bytes, without the sign byte Java adds. */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
