package io.kafkaexample.producer.auth;

import io.kafkaexample.common.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tokens producer-svc issues: who issues them and how long they live. */
@Dependent
public class TokenConfig {

    private static final Logger LOG = Logger.getLogger(TokenConfig.class.getName());

    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    @Inject
    public TokenConfig(@ConfigProperty(name = "jwt.issuer") String issuer,
                       @ConfigProperty(name = "jwt.lifetime") String accessLifetime,
                       @ConfigProperty(name = "jwt.refresh-lifetime") String refreshLifetime) {
        this.issuer = issuer;
        this.accessLifetime = ConfigValues.positiveDuration("jwt.lifetime", accessLifetime);
        this.refreshLifetime = ConfigValues.positiveDuration("jwt.refresh-lifetime", refreshLifetime);
    }

    /** Checked when the application starts, not at the first login: a bad value stops the deployment. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "access tokens of issuer " + issuer + " live " + accessLifetime + ", refresh tokens " + refreshLifetime);
    }

    /** The {@code iss} claim (JWT_ISSUER), the one every service's verifier expects. */
    public String issuer() {
        return issuer;
    }

    /** How long an access token is valid (JWT_LIFETIME). */
    public Duration accessLifetime() {
        return accessLifetime;
    }

    /** How long an unused refresh token is valid (JWT_REFRESH_LIFETIME). */
    public Duration refreshLifetime() {
        return refreshLifetime;
    }
}
