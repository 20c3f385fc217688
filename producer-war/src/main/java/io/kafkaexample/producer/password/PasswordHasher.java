package io.kafkaexample.producer.password;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2 with HMAC-SHA512 from the JDK, written in the format of Jakarta
 * Security's {@code Pbkdf2PasswordHash} ({@code algorithm:iterations:salt:hash}), so the iteration count
 * can be raised later without invalidating stored hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023). */
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 32;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Checked against when the user does not exist, so that a wrong username costs as long as a wrong password. */
    private static final String DUMMY = new PasswordHasher().hash("not a password of anyone".toCharArray());

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return ALGORITHM + ":" + ITERATIONS + ":" + B64.encodeToString(salt) + ":"
                + B64.encodeToString(derive(ALGORITHM, password, salt, ITERATIONS, HASH_BYTES));
    }

    public boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] expected = B64D.decode(parts[3]);
            byte[] actual = derive(parts[0], password, B64D.decode(parts[2]), Integer.parseInt(parts[1]), expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of a verification, for an unknown user. */
    public void verifyNobody(char[] password) {
        verify(password, DUMMY);
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive with " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }
}
