package io.kafkaexample.retry.alert;

import io.kafkaexample.common.json.CachedJson;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Posts an alert to the optional webhook {@code ALERT_WEBHOOK_URL} (Slack-compatible). Asynchronous and
 * guarded by fault tolerance: a slow, failing or absent webhook never holds up a retry or a dead letter;
 * an alert that cannot be delivered is logged and dropped.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class.getName());

    @Inject
    @ConfigProperty(name = "alert.webhook.url")
    Optional<URI> webhook;

    private AlertClient client;

    @PostConstruct
    void connect() {
        client = webhook.map(url -> RestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(4, TimeUnit.SECONDS)
                .build(AlertClient.class)).orElse(null);
        LOG.info(() -> client == null ? "alerts: no ALERT_WEBHOOK_URL, dead letters are only logged"
                : "alerts: dead letters are posted to the webhook at " + webhook.get().getHost());
    }

    @Asynchronous
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
    @Bulkhead(value = 2, waitingTaskQueue = 100)
    @Fallback(AlertDropped.class)
    public CompletionStage<Void> send(String text) {
        if (client != null) {
            try (var response = client.post(CachedJson.objectBuilder().add("text", text).build())) {
                if (response.getStatus() >= 300) {
                    throw new IllegalStateException("the webhook answered HTTP " + response.getStatus());
                }
            }
        }
        return CompletableFuture.completedFuture(null);
    }
}
