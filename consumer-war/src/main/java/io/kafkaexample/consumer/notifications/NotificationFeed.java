package io.kafkaexample.consumer.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The live feed: every event this instance applies goes to every open {@code /notifications/stream}.
 * (The original's GraphQL subscription; Liberty's GraphQL runtime has no subscriptions.)
 */
@ApplicationScoped
public class NotificationFeed {

    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    synchronized void register(Sse context, SseEventSink sink) {
        if (broadcaster == null) {
            sse = context;
            broadcaster = context.newBroadcaster();
        }
        broadcaster.register(sink);
    }

    public void publish(Notification notification) {
        SseBroadcaster target = broadcaster;
        if (target != null) {
            OutboundSseEvent event = sse.newEventBuilder().name(notification.getType()).id(notification.getEventId())
                    .data(notification.toJson()).build();
            target.broadcast(event);
        }
    }
}
