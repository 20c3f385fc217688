package io.kafkaexample.consumer.notifications;

import io.kafkaexample.common.json.CachedJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** {@code curl -N localhost:9000/notifications/stream}: one SSE event per event consumed from now on. */
@Path("notifications/stream")
public class NotificationStreamResource {

    @Inject
    NotificationFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        if (!feed.register(sse, sink)) {
            throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type("application/problem+json").header("Retry-After", "60")
                    .entity(CachedJson.objectBuilder().add("title", "too many open streams")
                            .add("status", 503).add("detail", "this instance serves as many notification streams as it may: try again later")
                            .build().toString()).build());
        }
        sink.send(sse.newEventBuilder().comment("connected: events follow as they are consumed").build());
    }
}
