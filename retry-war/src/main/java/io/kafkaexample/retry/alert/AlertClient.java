package io.kafkaexample.retry.alert;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A Slack-compatible incoming webhook: POST {"text": "..."} to the webhook's own URL. */
public interface AlertClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(JsonObject message);
}
