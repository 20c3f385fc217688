package io.kafkaexample.producer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.producer.config.AppEnvironment;
import io.kafkaexample.producer.user.StoredUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signing key, the JWKS and the kid of each token, checked with the JDK's own RSA, not the library that signs. */
class SigningKeyTest {

    private static KeyPair current;
    private static KeyPair previous;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        current = generator.generateKeyPair();
        previous = generator.generateKeyPair();
    }

    @Test
    void aTokenNamesItsKeyAndVerifiesWithThatKeyOfTheJwks() throws Exception {
        SigningKey key = key(Optional.empty());
        String token = issuer(key).issue(user(), "USER", 3).token();
        String[] parts = token.split("\\.");
        JsonObject header = json(parts[0]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals(key.keyId(), header.getString("kid"));
        JsonObject claims = json(parts[1]);
        assertEquals(3, claims.getInt("cv"));
        assertEquals("u1", claims.getString("id"));

        JsonObject jwk = jwks(key).stream().filter(k -> header.getString("kid").equals(k.getString("kid"))).findFirst().orElseThrow();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e"))))));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "the JWKS key named by kid verifies the signature");
        assertEquals(List.of("kty", "kid", "use", "n", "e", "alg").stream().sorted().toList(),
                jwk.keySet().stream().sorted().toList(), "public parts only");
    }

    @Test
    void duringARotationTheJwksPublishesBothKeysAndTokensOfEitherVerify() throws Exception {
        SigningKey key = key(Optional.of(publicPem(previous)));
        assertEquals(List.of(key.keyId(), SigningKey.keyIdOf((java.security.interfaces.RSAPublicKey) previous.getPublic())),
                jwks(key).stream().map(k -> k.getString("kid")).toList());
        LocalTokenKeys local = new LocalTokenKeys();
        local.key = key;
        for (String token : List.of(issuer(key).issue(user(), "USER", 1).token(), signedWith(previous, key))) {
            new JwtConsumerBuilder().setVerificationKeyResolver(local.resolver()).setSkipDefaultAudienceValidation()
                    .build().processToClaims(token);
        }
    }

    @Test
    void anAdditionalKeyThatIsNotAPublicKeyStopsTheStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> key(Optional.of("not a key"))).getMessage()
                .startsWith("jwt.additional-public-keys (JWT_ADDITIONAL_PUBLIC_KEYS) is set but holds no"));
    }

    private static String signedWith(KeyPair pair, SigningKey published) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"producer-svc\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(published.published().get(1).getKeyId());
        jws.setKey(pair.getPrivate());
        return jws.getCompactSerialization();
    }

    private static SigningKey key(Optional<String> additional) {
        SigningKey key = new SigningKey();
        key.pem = Optional.of(Pem.write(current.getPrivate()));
        key.additionalPems = additional;
        key.environment = new AppEnvironment("production");
        key.load();
        return key;
    }

    private static TokenIssuer issuer(SigningKey key) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.key = key;
        issuer.config = new TokenConfig("producer-svc", "PT15M", "P7D");
        return issuer;
    }

    private static List<JsonObject> jwks(SigningKey key) {
        String body = key.jwks();
        return Json.createReader(new StringReader(body)).readObject().getJsonArray("keys").getValuesAs(JsonObject.class);
    }

    private static String publicPem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JsonObject json(String base64) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8))).readObject();
    }

    private static StoredUser user() {
        return new StoredUser("u1", "ada", "ada@example.org", "Ada", "Lovelace", 5, "hash", Instant.now());
    }
}
