package io.kafkaexample.consumer.notifications;

import io.kafkaexample.common.config.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live feed: every event this instance applies goes to every open {@code /notifications/stream}, without
 * whose event it is (the stream needs no token). The original's GraphQL subscription; Liberty's GraphQL runtime
 * has none. At most {@code notifications.max-streams} streams are open; sends run on a managed thread, so a
 * slow client never holds up the ingest thread. A comment every 10 s keeps proxies from timing out idle streams
 * and finds those whose client left: a send to them fails, and their place is free again.
 */
@ApplicationScoped
public class NotificationFeed {

    private static final long KEEP_ALIVE_SECONDS = 10;

    @Inject
    @ConfigProperty(name = "notifications.max-streams")
    String maxStreamsValue;

    @Resource
    ManagedScheduledExecutorService executor;

    private final Set<SseEventSink> open = ConcurrentHashMap.newKeySet();
    private int maxStreams;
    private volatile Sse sse;

    @PostConstruct
    void start() {
        maxStreams = ConfigValues.positiveInt("notifications.max-streams", maxStreamsValue);
    }

    /** Adds the stream; false when {@code notifications.max-streams} are open already. */
    synchronized boolean register(Sse context, SseEventSink sink) {
        open.removeIf(SseEventSink::isClosed);
        if (open.size() >= maxStreams) {
            return false;
        }
        if (sse == null) {
            sse = context;
            executor.scheduleAtFixedRate(() -> sendToAll(sse.newEventBuilder().comment("keep-alive").build()),
                    KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        }
        open.add(sink);
        return true;
    }

    public void publish(Notification notification) {
        Sse context = sse;
        if (context != null) {
            Notification anonymous = notification.anonymous();
            OutboundSseEvent event = context.newEventBuilder().name(anonymous.getType()).id(anonymous.getEventId())
                    .data(anonymous.toJson()).build();
            try {
                executor.execute(() -> sendToAll(event));
            } catch (RejectedExecutionException e) {
                // stopping: the streams are closing too
            }
        }
    }

    /** One send at a time: a sink takes no two writes at once. */
    private synchronized void sendToAll(OutboundSseEvent event) {
        for (SseEventSink sink : open) {
            if (sink.isClosed()) {
                open.remove(sink);
                continue;
            }
            sink.send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    open.remove(sink);
                    sink.close();
                }
            });
        }
    }
}
