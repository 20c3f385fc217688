package io.kafkaexample.consumer.ping;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** producer-svc's REST side; its base URI is {@code PRODUCER_SVC_ENDPOINT} (config key producer-svc). */
@RegisterRestClient(configKey = "producer-svc")
public interface ProducerClient {

    /** The answer's JSON as it came: /ping passes it on, so it is neither parsed nor written again. */
    @GET
    @Path("ping-what")
    @Produces(MediaType.APPLICATION_JSON)
    String pingWhat();
}
