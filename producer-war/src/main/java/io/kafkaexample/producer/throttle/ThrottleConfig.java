package io.kafkaexample.producer.throttle;

import io.kafkaexample.common.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits on failed logins and sign-ups (the keys {@code throttle.*}). */
@Dependent
public class ThrottleConfig {

    private static final Logger LOG = Logger.getLogger(ThrottleConfig.class.getName());

    private final int failuresPerUser;
    private final int failuresPerAddress;
    private final Duration failureWindow;
    private final int signUpsPerAddress;
    private final Duration signUpWindow;

    @Inject
    public ThrottleConfig(@ConfigProperty(name = "throttle.login.failures-per-user") String failuresPerUser,
                          @ConfigProperty(name = "throttle.login.failures-per-address") String failuresPerAddress,
                          @ConfigProperty(name = "throttle.login.window") String failureWindow,
                          @ConfigProperty(name = "throttle.sign-up.per-address") String signUpsPerAddress,
                          @ConfigProperty(name = "throttle.sign-up.window") String signUpWindow) {
        this.failuresPerUser = ConfigValues.positiveInt("throttle.login.failures-per-user", failuresPerUser);
        this.failuresPerAddress = ConfigValues.positiveInt("throttle.login.failures-per-address", failuresPerAddress);
        this.failureWindow = ConfigValues.positiveDuration("throttle.login.window", failureWindow);
        this.signUpsPerAddress = ConfigValues.positiveInt("throttle.sign-up.per-address", signUpsPerAddress);
        this.signUpWindow = ConfigValues.positiveDuration("throttle.sign-up.window", signUpWindow);
    }

    /** Checked when the application starts: a bad value stops the deployment. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "logins: at most " + failuresPerUser + " failures per username and " + failuresPerAddress
                + " per client address in " + failureWindow + "; sign-ups: at most " + signUpsPerAddress
                + " per client address in " + signUpWindow);
    }

    public int failuresPerUser() {
        return failuresPerUser;
    }

    public int failuresPerAddress() {
        return failuresPerAddress;
    }

    public Duration failureWindow() {
        return failureWindow;
    }

    public int signUpsPerAddress() {
        return signUpsPerAddress;
    }

    public Duration signUpWindow() {
        return signUpWindow;
    }
}
