package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import io.kafkaexample.common.event.InvalidEventException;
import io.kafkaexample.common.kafka.Utf8;
import io.kafkaexample.common.redis.ScriptPipeline;
import io.kafkaexample.consumer.notifications.Notification;
import io.kafkaexample.consumer.readmodel.ReadModel;
import jakarta.json.JsonObject;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one record into the read-model change it makes: parse and validate; applying is the batch's. */
final class EventDecoder {

    static final List<String> USER_FIELDS = List.of("id", "username", "email", "firstName", "lastName", "role", "createdAt");
    static final List<String> TOKEN_FIELDS = List.of("userId", "username", "tokenId", "issuedAt", "expiresAt");
    static final List<String> DELETED_FIELDS = List.of("id", "deletedAt");

    private EventDecoder() {
    }

    /**
     * The event of a record and its change.
     *
     * @param notification what the live feed announces once the change applied; null for a deletion, which would
     *                     name the user once more
     */
    record Decoded(CloudEvent event, String userId, ScriptPipeline.Call change, Notification notification) {

        boolean isToken() {
            return EventTypes.TOKEN_ISSUED.equals(event.type());
        }
    }

    /** The change the event in {@code value} makes; throws InvalidEventException when no retry can help. */
    static Decoded decode(byte[] key, byte[] value) throws InvalidEventException {
        String keyText = text(key, "key");
        CloudEvent event = CloudEvent.parse(text(value, "value"));
        return switch (event.type()) {
            case EventTypes.USER_CREATED -> userCreated(keyText, event);
            case EventTypes.TOKEN_ISSUED -> tokenIssued(keyText, event);
            case EventTypes.USER_DELETED -> userDeleted(keyText, event);
            default -> throw new InvalidEventException("unknown event type '" + event.type() + "'");
        };
    }

    private static Decoded userCreated(String key, CloudEvent event) throws InvalidEventException {
        Map<String, String> profile = strings(event.data(), USER_FIELDS);
        CloudEvent.instant(profile.get("createdAt"), "data.createdAt");
        String id = profile.get("id");
        requireKey(key, id);
        Notification notification = Notification.of(event);
        return new Decoded(event, id, ReadModel.userCreated(event.id(), id, profile, notification.toJson()), notification);
    }

    private static Decoded userDeleted(String key, CloudEvent event) throws InvalidEventException {
        Map<String, String> deleted = strings(event.data(), DELETED_FIELDS);
        CloudEvent.instant(deleted.get("deletedAt"), "data.deletedAt");
        String id = deleted.get("id");
        requireKey(key, id);
        return new Decoded(event, id, ReadModel.userDeleted(event.id(), id), null);
    }

    private static Decoded tokenIssued(String key, CloudEvent event) throws InvalidEventException {
        Map<String, String> token = strings(event.data(), TOKEN_FIELDS);
        String issuedAt = CloudEvent.instant(token.get("issuedAt"), "data.issuedAt").toString();
        CloudEvent.instant(token.get("expiresAt"), "data.expiresAt");
        String userId = token.get("userId");
        requireKey(key, userId);
        Notification notification = Notification.of(event);
        return new Decoded(event, userId, ReadModel.tokenIssued(event.id(), userId, issuedAt, notification.toJson()), notification);
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
