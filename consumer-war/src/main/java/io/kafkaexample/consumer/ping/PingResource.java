package io.kafkaexample.consumer.ping;

import io.kafkaexample.common.json.CachedJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code GET /ping}: the producer's {@code ping-what}, through the REST client. With the producer down it
 * answers within a second: a 300 ms timeout, one quick retry, a circuit breaker that stops calling a dead
 * producer for 5 s, and a 503 problem document as the fallback.
 */
@Path("ping")
@ApplicationScoped
public class PingResource {

    private static final Logger LOG = Logger.getLogger(PingResource.class.getName());

    @Inject
    @RestClient
    ProducerClient producer;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, delayUnit = ChronoUnit.MILLIS, jitter = 0)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "producerUnreachable")
    public Response ping() {
        return Response.ok(producer.pingWhat(), MediaType.APPLICATION_JSON).build();
    }

    Response producerUnreachable() {
        LOG.warning("ping: producer-svc is unreachable, answering 503");
        JsonObject problem = CachedJson.objectBuilder()
                .add("type", "about:blank")
                .add("title", "producer-svc is unreachable")
                .add("status", 503)
                .add("detail", "GET /ping calls producer-svc's ping-what, which did not answer in time; try again shortly")
                .build();
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type("application/problem+json").entity(problem).build();
    }
}
