package io.kafkaexample.common.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final String VALID = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/producer-svc\",\"type\":\"user.created\","
            + "\"time\":\"2026-11-24T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"u1\"}}";

    @Test
    void aRoundTripKeepsEveryAttributeAndWritesExactlyTheContractsFields() throws Exception {
        CloudEvent event = CloudEvent.of("/producer-svc", "token.issued", Instant.parse("2026-11-24T10:00:00.123Z"),
                Json.createObjectBuilder().add("userId", "u1").build());
        String json = event.toJson();
        assertEquals(event, CloudEvent.parse(json));
        var object = Json.createReader(new StringReader(json)).readObject();
        assertEquals(Set.of("specversion", "id", "source", "type", "time", "datacontenttype", "data"), object.keySet());
        assertEquals("1.0", object.getString("specversion"));
        assertEquals("application/json", object.getString("datacontenttype"));
        assertEquals("2026-11-24T10:00:00.123Z", object.getString("time"));
    }

    @Test
    void parsesAValidEvent() throws Exception {
        CloudEvent event = CloudEvent.parse(VALID);
        assertEquals("e1", event.id());
        assertEquals("user.created", event.type());
        assertEquals("u1", event.data().getString("id"));
    }

    @Test
    void rejectsWhatTheContractDoesNotAllowWithAMessageSayingWhy() {
        assertInvalid("", "empty");
        assertInvalid("not json", "not JSON");
        assertInvalid("[1,2]", "not a JSON object");
        assertInvalid(VALID.replace("\"1.0\"", "\"0.3\""), "specversion");
        assertInvalid(VALID.replace("\"id\":\"e1\",", ""), "missing id");
        assertInvalid(VALID.replace("\"type\":\"user.created\",", ""), "missing type");
        assertInvalid(VALID.replace("\"source\":\"/producer-svc\",", ""), "missing source");
        assertInvalid(VALID.replace("\"time\":\"2026-11-24T10:00:00Z\",", ""), "missing time");
        assertInvalid(VALID.replace("2026-11-24T10:00:00Z", "yesterday"), "RFC 3339");
        assertInvalid(VALID.replace("{\"id\":\"u1\"}", "\"u1\""), "data must be a JSON object");
        assertInvalid(VALID.replace("application/json", "text/xml"), "datacontenttype");
        assertInvalid(VALID.replace("\"e1\"", "42"), "id must be a string");
    }

    @Test
    void aValueNestedDeeperThanAnEventCanBeIsInvalidNotAnErrorOfTheParser() {
        assertInvalid("[".repeat(100_000) + "]".repeat(100_000), "nested deeper than");
        assertInvalid("{\"a\":".repeat(CloudEvent.MAX_DEPTH + 1) + "1" + "}".repeat(CloudEvent.MAX_DEPTH + 1), "nested deeper than");
        // brackets inside strings, escaped quotes among them, do not nest
        String id = "[{\\\"".repeat(100);
        assertEquals("[{\"".repeat(100), assertDoesNotThrow(() -> CloudEvent.parse(VALID.replace("\"u1\"", "\"" + id + "\""))).data().getString("id"));
    }

    private static void assertInvalid(String json, String reason) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> CloudEvent.parse(json));
        assertTrue(e.getMessage().contains(reason), () -> "'" + e.getMessage() + "' does not say " + reason);
    }
}
