package io.kafkaexample.producer.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM reading and writing of RSA keys: PKCS#8 private keys, X.509 public keys. */
final class Pem {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Pattern PUBLIC_BLOCK = Pattern.compile("-----BEGIN PUBLIC KEY-----([^-]+)-----END PUBLIC KEY-----");

    private Pem() {
    }

    static RSAPrivateCrtKey readRsaPrivateKey(String pem) throws GeneralSecurityException {
        // env vars and secrets often carry the newlines as literal \n
        String body = pem.replace("\\n", "\n").replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** Every "BEGIN PUBLIC KEY" block (X.509 SubjectPublicKeyInfo) of the text, in order. */
    static List<RSAPublicKey> readRsaPublicKeys(String pems) {
        List<RSAPublicKey> keys = new ArrayList<>();
        Matcher block = PUBLIC_BLOCK.matcher(pems.replace("\\n", "\n"));
        while (block.find()) {
            try {
                byte[] der = Base64.getDecoder().decode(block.group(1).replaceAll("\\s", ""));
                keys.add((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException(SigningKey.ADDITIONAL_KEY + " (JWT_ADDITIONAL_PUBLIC_KEYS) holds a block that is not "
                        + "a PEM RSA public key", e);
            }
        }
        if (keys.isEmpty() && !pems.isBlank()) {
            throw new IllegalStateException(SigningKey.ADDITIONAL_KEY + " (JWT_ADDITIONAL_PUBLIC_KEYS) is set but holds no "
                    + "-----BEGIN PUBLIC KEY----- block");
        }
        return keys;
    }

    static String write(java.security.PrivateKey key) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n" + END + "\n";
    }
}
