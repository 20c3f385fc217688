package io.kafkaexample.retry.deadletter;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;

@Description("What a replay did: the letters sent back to their consumer, and those left alone, with why")
public class ReplayResult {

    private final List<String> replayed = new ArrayList<>();
    private final List<SkippedLetter> skipped = new ArrayList<>();

    void replayed(String id) {
        replayed.add(id);
    }

    void skip(String id, String reason) {
        skipped.add(new SkippedLetter(id, reason));
    }

    @Description("Ids of the letters sent back to their retry-reply-to topic")
    public List<String> getReplayed() {
        return replayed;
    }

    public List<SkippedLetter> getSkipped() {
        return skipped;
    }
}
