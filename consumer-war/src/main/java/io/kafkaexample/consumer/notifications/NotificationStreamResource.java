package io.kafkaexample.consumer.notifications;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
        sink.send(sse.newEventBuilder().comment("connected: events follow as they are consumed").build());
        feed.register(sse, sink);
    }
}
