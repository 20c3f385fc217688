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
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RSA key that signs access tokens. In production it comes from {@code JWT_PRIVATE_KEY} (a PEM
 * PKCS#8 key from a secret); in the dev environment a key is generated on first start and kept in the
 * server's output directory, so tokens survive a restart.
 */
@ApplicationScoped
public class SigningKey {

    public static final String CONFIG_KEY = "jwt.private-key";
    static final String ADDITIONAL_KEY = "jwt.additional-public-keys";
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    @Inject
    @ConfigProperty(name = CONFIG_KEY)
    Optional<String> pem;

    /** Public keys published besides the signing key's, for a rotation (docs: "Rotating the signing key"). */
    @Inject
    @ConfigProperty(name = ADDITIONAL_KEY)
    Optional<String> additionalPems;

    @Inject
    AppEnvironment environment;

    private RSAPrivateCrtKey privateKey;
    private RSAPublicKey publicKey;
    private String keyId;
    private List<JsonWebKey> published;

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
            keyId = keyIdOf(publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(CONFIG_KEY + " (JWT_PRIVATE_KEY) is not a PEM PKCS#8 RSA private key", e);
        }
        List<RSAPublicKey> keys = new ArrayList<>(List.of(publicKey));
        keys.addAll(Pem.readRsaPublicKeys(additionalPems.orElse("")));
        published = keys.stream().map(SigningKey::jwk).toList();
        LOG.info(() -> "access tokens are signed with RSA key " + keyId + " (" + privateKey.getModulus().bitLength()
                + " bits); the JWKS publishes " + published.stream().map(JsonWebKey::getKeyId).toList());
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

    /** The keys of the JWKS: the signing key's public half first, then those of {@code jwt.additional-public-keys}. */
    public List<JsonWebKey> published() {
        return published;
    }

    /** The published keys as a JSON Web Key Set, public parts only. */
    public String jwks() {
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The first 16 characters of the base64url SHA-256 of the key's X.509 encoding: stable, and the same everywhere. */
    static String keyIdOf(RSAPublicKey key) {
        try {
            byte[] thumb = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(thumb).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebKey jwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(keyIdOf(key));
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        return jwk;
    }

    /** Whether the key was generated for the dev environment rather than given in JWT_PRIVATE_KEY. */
    public boolean isGenerated() {
        return pem.filter(p -> !p.isBlank()).isEmpty();
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
}
