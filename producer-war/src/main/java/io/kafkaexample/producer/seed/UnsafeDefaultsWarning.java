package io.kafkaexample.producer.seed;

import io.kafkaexample.producer.auth.SigningKey;
import io.kafkaexample.producer.config.AppEnvironment;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The dev environment's conveniences are unsafe anywhere else, and {@code APP_ENVIRONMENT=dev} is easy to
 * carry into a deployment by mistake (docker/compose.yaml sets it for a local try): while they are in
 * effect, a warning says so at start-up and every minute after, where an operator reading the log sees it.
 */
@ApplicationScoped
public class UnsafeDefaultsWarning {

    private static final Logger LOG = Logger.getLogger(UnsafeDefaultsWarning.class.getName());
    private static final long EVERY_SECONDS = 60;

    @Inject
    AppEnvironment environment;

    @Inject
    AdminConfig admin;

    @Inject
    SigningKey signingKey;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        List<String> unsafe = unsafe();
        if (!unsafe.isEmpty()) {
            String warning = "UNSAFE: APP_ENVIRONMENT=" + environment.name() + " is for a developer machine only: "
                    + String.join(" and ", unsafe) + ". Never expose this server; unset APP_ENVIRONMENT and set "
                    + "ADMIN_PASSWORD and JWT_PRIVATE_KEY for anything else (docker/README.md)";
            LOG.warning(warning);
            scheduler.scheduleAtFixedRate(() -> LOG.warning(warning), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** What makes this start unsafe outside a developer machine; nothing in production. */
    List<String> unsafe() {
        List<String> unsafe = new ArrayList<>();
        if (!environment.isDev()) {
            return unsafe;
        }
        if (admin.usesDefaultPassword()) {
            unsafe.add("the user admin has the well-known default password (ADMIN_PASSWORD is not set)");
        }
        if (signingKey.isGenerated()) {
            unsafe.add("access tokens are signed with a generated key kept on local disk (JWT_PRIVATE_KEY is not set)");
        }
        return unsafe;
    }
}
