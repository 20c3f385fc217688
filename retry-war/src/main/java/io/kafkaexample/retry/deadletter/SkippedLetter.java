package io.kafkaexample.retry.deadletter;

import org.eclipse.microprofile.graphql.Description;

@Description("A dead letter a replay or discard left alone")
public class SkippedLetter {

    private final String id;
    private final String reason;

    SkippedLetter(String id, String reason) {
        this.id = id;
        this.reason = reason;
    }

    public String getId() {
        return id;
    }

    public String getReason() {
        return reason;
    }
}
