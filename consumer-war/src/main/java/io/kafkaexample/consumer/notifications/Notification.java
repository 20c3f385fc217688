package io.kafkaexample.consumer.notifications;

import io.kafkaexample.common.json.CachedJson;
import io.kafkaexample.common.event.CloudEvent;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;

@Description("An event the consumer applied to its read model")
public class Notification {

    private final String eventId;
    private final String type;
    private final String userId;
    private final String username;
    private final String time;

    public Notification(String eventId, String type, String userId, String username, String time) {
        this.eventId = eventId;
        this.type = type;
        this.userId = userId;
        this.username = username;
        this.time = time;
    }

    public static Notification of(CloudEvent event) {
        JsonObject data = event.data();
        String userId = data.containsKey("userId") ? data.getString("userId") : data.getString("id");
        return new Notification(event.id(), event.type(), userId, data.getString("username"), event.time().toString());
    }

    public static Notification fromJson(String json) {
        try (var reader = CachedJson.reader(json)) {
            JsonObject o = reader.readObject();
            return new Notification(o.getString("eventId"), o.getString("type"), o.getString("userId"),
                    o.getString("username"), o.getString("time"));
        }
    }

    /** The same without whose event it is: what a caller that is not an administrator sees. */
    public Notification anonymous() {
        return new Notification(eventId, type, null, null, time);
    }

    public String toJson() {
        var json = CachedJson.objectBuilder().add("eventId", eventId).add("type", type).add("time", time);
        if (userId != null) {
            json.add("userId", userId).add("username", username);
        }
        return json.build().toString();
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    @Description("Null unless the caller is an administrator")
    public String getUserId() {
        return userId;
    }

    @Description("Null unless the caller is an administrator")
    public String getUsername() {
        return username;
    }

    @Description("When the event happened (RFC 3339)")
    public String getTime() {
        return time;
    }
}
