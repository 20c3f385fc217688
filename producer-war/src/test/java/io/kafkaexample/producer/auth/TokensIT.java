package io.kafkaexample.producer.auth;

import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.call;
import static io.kafkaexample.testsupport.UsersClient.data;
import static io.kafkaexample.testsupport.UsersClient.error;
import static io.kafkaexample.testsupport.UsersClient.login;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokensIT {

    @Test
    void aRefreshTokenWorksOnceAndTheNewOneWorksAgain() {
        String username = uniqueName("ref");
        signUp(username);
        JsonObject first = login(username, PASSWORD);
        String query = "mutation { refreshToken(token: \"%s\") { token refreshToken } }";
        JsonObject second = data(call(query.formatted(first.getString("refreshToken"))), "refreshToken");
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertEquals(username, data(call("{ me { username } }", second.getString("token")), "me").getString("username"));

        assertEquals("the refresh token is expired or was already used: log in again",
                error(call(query.formatted(first.getString("refreshToken")))));
        data(call(query.formatted(second.getString("refreshToken"))), "refreshToken");
    }

    @Test
    void changingThePasswordChecksTheOldOneAndTheStrengthAndRevokesRefreshTokens() {
        String username = uniqueName("chg");
        signUp(username);
        JsonObject tokens = login(username, PASSWORD);
        String token = tokens.getString("token");
        String change = "mutation { changePassword(oldPassword: \"%s\", newPassword: \"%s\") }";
        assertEquals("the old password is wrong", error(call(change.formatted("wrong-password-1", "another-good-one-7"), token)));
        assertTrue(error(call(change.formatted(PASSWORD, "weak"), token)).contains("at least 10 characters"));
        assertTrue(call(change.formatted(PASSWORD, "another-good-one-7"), token).getJsonObject("data").getBoolean("changePassword"));
        assertTrue(error(call("mutation { refreshToken(token: \"" + tokens.getString("refreshToken") + "\") { token } }"))
                .startsWith("the refresh token is expired or was already used"));
        login(username, "another-good-one-7");
    }

    @Test
    void expiredForgedAndMalformedTokensAreRefusedWithClearMessages() throws Exception {
        String username = uniqueName("exp");
        String id = signUp(username);
        Instant past = Instant.now().minusSeconds(3600);
        String claims = Json.createObjectBuilder().add("iss", "producer-svc").add("sub", id).add("id", id)
                .add("username", username).add("email", username + "@example.org").add("role", "USER")
                .add("jti", "expired-1").add("iat", past.getEpochSecond()).add("exp", past.plusSeconds(900).getEpochSecond())
                .build().toString();

        String expired = sign(claims, devKey());
        assertEquals("the token has expired: log in again or use refreshToken", error(call("{ me { id } }", expired)));

        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String forged = sign(claims.replace(String.valueOf(past.plusSeconds(900).getEpochSecond()),
                String.valueOf(Instant.now().plusSeconds(900).getEpochSecond())), otherKey.generateKeyPair().getPrivate());
        assertTrue(error(call("{ me { id } }", forged)).startsWith("the token is not valid"));

        assertTrue(error(call("{ me { id } }", "not-a-jwt")).startsWith("the token is not valid"));
        assertTrue(error(call("{ me { id } }")).startsWith("this operation needs a token"));
    }

    @Test
    void theJwksPublishesTheRsaVerificationKey() {
        var response = Http.get(TestStack.producerUrl() + "/jwks");
        assertEquals(200, response.statusCode());
        JsonObject key = Http.json(response.body()).getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals(256, Base64.getUrlDecoder().decode(key.getString("n")).length);
    }

    /** The dev key the test stack's producer generated on its first start. */
    private static PrivateKey devKey() throws Exception {
        String pem = Files.readString(TestStack.repoRoot().resolve(".stack/it/servers/producer-svc/jwt-dev-key.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String sign(String claims, PrivateKey key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(signature.sign());
    }
}
