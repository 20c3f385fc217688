package io.kafkaexample.producer.auth;

import io.kafkaexample.producer.config.AppEnvironment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs access tokens. In production it comes from {@code JWT_PRIVATE_KEY} (a PEM
 * PKCS#8 key from a secret); in the dev environment a key is generated on first start and kept in the
 * server's output directory, so tokens survive a restart.
 */
@ApplicationScoped
public class SigningKey {

    public static final String CONFIG_KEY = "jwt.private-key";
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    @Inject
    @ConfigProperty(name = CONFIG_KEY)
    Optional<String> pem;

    @Inject
    AppEnvironment environment;

    private RSAPrivateCrtKey privateKey;
    private RSAPublicKey publicKey;
    private String keyId;

    /** Loaded at start, so that a missing or broken key stops the deployment instead of the first login. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine(() -> "signing key " + keyId + " loaded");
    }

    @PostConstruct
    void load() {
        String text = pem.filter(p -> !p.isBlank()).orElseGet(this::devKey);
        try {
            privateKey = Pem.readRsaPrivateKey(text);
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            byte[] thumb = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(thumb).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(CONFIG_KEY + " (JWT_PRIVATE_KEY) is not a PEM PKCS#8 RSA private key", e);
        }
        LOG.info(() -> "access tokens are signed with RSA key " + keyId + " (" + privateKey.getModulus().bitLength() + " bits)");
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    private String devKey() {
        if (!environment.isDev()) {
            throw new IllegalStateException("JWT_PRIVATE_KEY is not set: outside the dev environment the signing key "
                    + "must come from a secret (a PEM PKCS#8 RSA key of 2048 bits or more)");
        }
        Path file = Path.of(System.getProperty("server.output.dir", System.getProperty("java.io.tmpdir")), "jwt-dev-key.pem");
        try {
            if (!Files.exists(file)) {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Path tmp = Files.createTempFile(file.getParent(), "jwt-dev-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Pem.write(generator.generateKeyPair().getPrivate()), StandardCharsets.US_ASCII);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.warning(() -> "generated a dev JWT signing key at " + file + ": never use it in production");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the dev JWT key at " + file, e);
        }
    }

    /** PEM reading and writing of PKCS#8 keys. */
    static final class Pem {
        private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
        private static final String END = "-----END PRIVATE KEY-----";

        private Pem() {
        }

        static RSAPrivateCrtKey readRsaPrivateKey(String pem) throws GeneralSecurityException {
            // env vars and secrets often carry the newlines as literal \n
            String body = pem.replace("\\n", "\n").replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(body);
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }

        static String write(java.security.PrivateKey key) {
            return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n" + END + "\n";
        }
    }
}
