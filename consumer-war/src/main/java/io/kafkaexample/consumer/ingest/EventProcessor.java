package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import io.kafkaexample.common.event.InvalidEventException;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.consumer.notifications.Notification;
import io.kafkaexample.consumer.notifications.NotificationFeed;
import io.kafkaexample.consumer.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one record into read-model changes: parse, validate, apply once. */
@ApplicationScoped
public class EventProcessor {

    static final List<String> USER_FIELDS = List.of("id", "username", "email", "firstName", "lastName", "role", "createdAt");
    static final List<String> TOKEN_FIELDS = List.of("userId", "username", "tokenId", "issuedAt", "expiresAt");
    static final List<String> DELETED_FIELDS = List.of("id", "deletedAt");

    @Inject
    ReadModel readModel;

    @Inject
    NotificationFeed feed;

    /** Applies the event in {@code value}; throws InvalidEventException when no retry can help. */
    public ReadModel.Outcome process(byte[] key, byte[] value) throws InvalidEventException, UnknownUserException {
        return apply(text(key, "key"), text(value, "value"));
    }

    private ReadModel.Outcome apply(String key, String value) throws InvalidEventException, UnknownUserException {
        CloudEvent event = CloudEvent.parse(value);
        ReadModel.Outcome outcome = switch (event.type()) {
            case EventTypes.USER_CREATED -> userCreated(key, event);
            case EventTypes.TOKEN_ISSUED -> tokenIssued(key, event);
            case EventTypes.USER_DELETED -> userDeleted(key, event);
            default -> throw new InvalidEventException("unknown event type '" + event.type() + "'");
        };
        if (outcome == ReadModel.Outcome.APPLIED && !EventTypes.USER_DELETED.equals(event.type())) {
            feed.publish(Notification.of(event));
        }
        return outcome;
    }

    private ReadModel.Outcome userCreated(String key, CloudEvent event) throws InvalidEventException {
        Map<String, String> profile = strings(event.data(), USER_FIELDS);
        CloudEvent.instant(profile.get("createdAt"), "data.createdAt");
        String id = profile.get("id");
        requireKey(key, id);
        return readModel.userCreated(event.id(), id, profile, Notification.of(event).toJson());
    }

    /** A deletion is not announced in the feed: that would name the user once more. */
    private ReadModel.Outcome userDeleted(String key, CloudEvent event) throws InvalidEventException {
        Map<String, String> deleted = strings(event.data(), DELETED_FIELDS);
        CloudEvent.instant(deleted.get("deletedAt"), "data.deletedAt");
        requireKey(key, deleted.get("id"));
        return readModel.userDeleted(event.id(), deleted.get("id"));
    }

    private ReadModel.Outcome tokenIssued(String key, CloudEvent event) throws InvalidEventException, UnknownUserException {
        Map<String, String> token = strings(event.data(), TOKEN_FIELDS);
        String issuedAt = CloudEvent.instant(token.get("issuedAt"), "data.issuedAt").toString();
        CloudEvent.instant(token.get("expiresAt"), "data.expiresAt");
        String userId = token.get("userId");
        requireKey(key, userId);
        ReadModel.Outcome outcome = readModel.tokenIssued(event.id(), userId, issuedAt, Notification.of(event).toJson());
        if (outcome == ReadModel.Outcome.UNKNOWN_USER) {
            throw new UnknownUserException(userId);
        }
        return outcome;
    }

    private static Map<String, String> strings(JsonObject data, List<String> fields) throws InvalidEventException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, CloudEvent.requiredString(data, field));
        }
        return values;
    }

    private static String text(byte[] bytes, String what) throws InvalidEventException {
        try {
            return Utf8.strict(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("the record " + what + " is not valid UTF-8");
        }
    }

    /** The contract keys every event by its user id; a record keyed otherwise came from a broken producer. */
    private static void requireKey(String key, String userId) throws InvalidEventException {
        if (key != null && !key.equals(userId)) {
            throw new InvalidEventException("the record key '" + key + "' is not the event's user id '" + userId + "'");
        }
    }
}
