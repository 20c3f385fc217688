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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokensIT {

    private static final String REFRESH = "mutation { refreshToken(token: \"%s\") { token refreshToken } }";
    private static final String CHANGE = "mutation { changePassword(oldPassword: \"%s\", newPassword: \"%s\") }";

    @Test
    void aRefreshTokenWorksOnceAndTheNewOneWorksAgain() {
        String username = uniqueName("ref");
        signUp(username);
        JsonObject first = login(username, PASSWORD);
        JsonObject second = data(call(REFRESH.formatted(first.getString("refreshToken"))), "refreshToken");
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertEquals(username, data(call("{ me { username } }", second.getString("token")), "me").getString("username"));
        JsonObject third = data(call(REFRESH.formatted(second.getString("refreshToken"))), "refreshToken");
        data(call(REFRESH.formatted(third.getString("refreshToken"))), "refreshToken");
        assertEquals("the refresh token is expired or was already used: log in again",
                error(call(REFRESH.formatted("never-issued-" + username))));
    }

    @Test
    void aStolenRefreshTokenUsedAfterItsOwnerRevokesTheWholeLoginButNoOtherOne() {
        String username = uniqueName("theft");
        signUp(username);
        JsonObject stolen = login(username, PASSWORD);
        JsonObject otherDevice = login(username, PASSWORD);
        JsonObject owners = data(call(REFRESH.formatted(stolen.getString("refreshToken"))), "refreshToken");

        assertEquals("this refresh token was used before: every token of that login is revoked now; log in again",
                error(call(REFRESH.formatted(stolen.getString("refreshToken")))), "the thief's replay is detected");
        assertTrue(error(call(REFRESH.formatted(owners.getString("refreshToken")))).startsWith("the refresh token was revoked"),
                "the owner's newer token of the same login is revoked too: the owner logs in again");
        data(call(REFRESH.formatted(otherDevice.getString("refreshToken"))), "refreshToken");
    }

    @Test
    void changingThePasswordChecksTheOldOneAndTheStrengthAndRevokesEveryToken() {
        String username = uniqueName("chg");
        signUp(username);
        JsonObject tokens = login(username, PASSWORD);
        String token = tokens.getString("token");
        assertEquals("the old password is wrong", error(call(CHANGE.formatted("wrong-password-1", "another-good-one-7"), token)));
        assertTrue(error(call(CHANGE.formatted(PASSWORD, "weak"), token)).contains("at least 10 characters"));
        assertTrue(call(CHANGE.formatted(PASSWORD, "another-good-one-7"), token).getJsonObject("data").getBoolean("changePassword"));
        assertTrue(error(call(REFRESH.formatted(tokens.getString("refreshToken")))).startsWith("the refresh token was revoked"));
        assertEquals("the token was revoked (the password changed): log in again", error(call("{ me { id } }", token)),
                "the access token issued before the change is refused before it expires");
        String fresh = login(username, "another-good-one-7").getString("token");
        assertEquals(username, data(call("{ me { username } }", fresh), "me").getString("username"));
    }

    @Test
    void noRefreshRacingAPasswordChangeSurvivesIt() throws Exception {
        String username = uniqueName("race");
        signUp(username);
        String token = login(username, PASSWORD).getString("token");
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            refreshTokens.add(login(username, PASSWORD).getString("refreshToken"));
        }
        List<Callable<JsonObject>> calls = new ArrayList<>();
        refreshTokens.forEach(refresh -> calls.add(() -> call(REFRESH.formatted(refresh))));
        calls.add(calls.size() / 2, () -> call(CHANGE.formatted(PASSWORD, "another-good-one-7"), token));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> survivors = new ArrayList<>();
        try {
            for (Future<JsonObject> answer : pool.invokeAll(calls)) {
                JsonObject data = answer.get().getJsonObject("data");
                if (data != null && data.get("refreshToken") instanceof JsonObject pair) {
                    survivors.add(pair.getString("refreshToken"));
                    survivors.add(pair.getString("token"));
                }
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < survivors.size(); i += 2) {
            assertTrue(error(call(REFRESH.formatted(survivors.get(i)))).startsWith("the refresh token was revoked"),
                    "a refresh token issued before or during the change is dead after it");
            assertEquals("the token was revoked (the password changed): log in again",
                    error(call("{ me { id } }", survivors.get(i + 1))));
        }
        login(username, "another-good-one-7");
    }

    @Test
    void expiredForgedAndMalformedTokensAreRefusedWithClearMessages() throws Exception {
        String username = uniqueName("exp");
        String id = signUp(username);
        Instant past = Instant.now().minusSeconds(3600);
        String claims = Json.createObjectBuilder().add("iss", "producer-svc").add("sub", id).add("id", id)
                .add("username", username).add("email", username + "@example.org").add("role", "USER").add("cv", 1)
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
    void anAccessTokenNamesItsKeyInTheJwksWhichVerifiesItWithoutOurLibraries() throws Exception {
        var response = Http.get(TestStack.producerUrl() + "/jwks");
        assertEquals(200, response.statusCode());
        String username = uniqueName("kid");
        signUp(username);
        String[] token = login(username, PASSWORD).getString("token").split("\\.");
        String kid = Http.json(new String(Base64.getUrlDecoder().decode(token[0]), StandardCharsets.UTF_8)).getString("kid");
        JsonObject key = Http.json(response.body()).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> kid.equals(k.getString("kid"))).findFirst().orElseThrow(() -> new AssertionError("no key " + kid));
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals(256, Base64.getUrlDecoder().decode(key.getString("n")).length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("e"))))));
        rsa.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(token[2])));
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
