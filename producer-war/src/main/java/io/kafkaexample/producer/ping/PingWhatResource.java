package io.kafkaexample.producer.ping;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The target of consumer-svc's inter-service call (GET /ping there). */
@Path("ping-what")
public class PingWhatResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return Map.of("ok", "Pong!");
    }
}
