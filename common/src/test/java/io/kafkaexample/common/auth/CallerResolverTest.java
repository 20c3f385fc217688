package io.kafkaexample.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkaexample.common.graphql.ClientError;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallerResolverTest {

    private static KeyPair producerKey;
    private static KeyPair otherKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        producerKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    @Test
    void aValidTokenNamesTheCallerAndItsRole() throws Exception {
        Caller caller = resolver().verify(token(claims(Instant.now().plusSeconds(900), "ADMIN"), producerKey));
        assertEquals("u1", caller.id());
        assertEquals("ada", caller.username());
        assertEquals("ada@example.org", caller.email());
        assertEquals("ADMIN", caller.role());
        assertEquals("jti-1", caller.tokenId());
        assertEquals(true, caller.isAdmin());
    }

    @Test
    void expiredForgedForeignAndIncompleteTokensAreRefusedWithDifferentMessages() throws Exception {
        assertEquals("the token has expired: log in again or use refreshToken",
                refused(token(claims(Instant.now().minusSeconds(120), "USER"), producerKey)));
        assertEquals("the token is not valid: it was not issued by producer-svc or was altered",
                refused(token(claims(Instant.now().plusSeconds(900), "USER"), otherKey)));
        JwtClaims foreign = claims(Instant.now().plusSeconds(900), "USER");
        foreign.setIssuer("someone-else");
        assertEquals("the token is not valid: it was not issued by producer-svc or was altered", refused(token(foreign, producerKey)));
        JwtClaims noRole = claims(Instant.now().plusSeconds(900), "USER");
        noRole.unsetClaim(TokenClaims.ROLE);
        assertEquals("the token is not an access token of producer-svc", refused(token(noRole, producerKey)));
        assertEquals("the token is not valid: it was not issued by producer-svc or was altered", refused("a.b.c"));
    }

    @Test
    void aTokenOfADeletedUserOrOfAnOldPasswordIsRefusedBeforeItExpires() throws Exception {
        String token = token(claims(Instant.now().plusSeconds(900), "USER"), producerKey);
        CallerResolver deleted = resolver();
        deleted.credentials = id -> Optional.empty();
        assertEquals("the user of this token no longer exists",
                assertThrows(ClientError.class, () -> deleted.verify(token)).getMessage());
        CallerResolver changed = resolver();
        changed.credentials = id -> Optional.of(2L);
        assertEquals("the token was revoked (the password changed): log in again",
                assertThrows(ClientError.class, () -> changed.verify(token)).getMessage());
        JwtClaims unversioned = claims(Instant.now().plusSeconds(900), "USER");
        unversioned.unsetClaim(TokenClaims.CREDENTIAL);
        assertEquals("the token is not an access token of producer-svc", refused(token(unversioned, producerKey)));
    }

    private static String refused(String token) {
        return assertThrows(ClientError.class, () -> resolver().verify(token)).getMessage();
    }

    private static CallerResolver resolver() {
        CallerResolver resolver = new CallerResolver();
        resolver.credentials = id -> Optional.of(1L);
        resolver.keys = () -> (jws, nesting) -> producerKey.getPublic();
        resolver.issuer = "producer-svc";
        return resolver;
    }

    private static JwtClaims claims(Instant expires, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("producer-svc");
        claims.setSubject("u1");
        claims.setJwtId("jti-1");
        claims.setIssuedAt(NumericDate.fromSeconds(expires.getEpochSecond() - 900));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setStringClaim(TokenClaims.ID, "u1");
        claims.setStringClaim(TokenClaims.USERNAME, "ada");
        claims.setStringClaim(TokenClaims.EMAIL, "ada@example.org");
        claims.setStringClaim(TokenClaims.ROLE, role);
        claims.setClaim(TokenClaims.CREDENTIAL, 1);
        return claims;
    }

    private static String token(JwtClaims claims, KeyPair key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
