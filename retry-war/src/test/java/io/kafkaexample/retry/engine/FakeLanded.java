package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@link FakeSender}'s broker back; or cannot, while {@link #unreadable}. */
final class FakeLanded implements Landed {

    private final List<FakeSender.Sent> delivered;
    boolean unreadable;
    int reads;

    FakeLanded(List<FakeSender.Sent> delivered) {
        this.delivered = delivered;
    }

    @Override
    public Set<String> on(String topic, List<Claim.Claimed> claims, Instant since) throws Exception {
        reads++;
        if (unreadable) {
            throw new java.util.concurrent.TimeoutException("Timeout of 10000ms expired before the position could be determined");
        }
        return claims.stream().filter(c -> delivered.stream().anyMatch(s -> s.id().equals(c.id()) && s.attempts() == c.attempts()
                && s.topic().equals(topic) && s.at() >= since.toEpochMilli())).map(Claim.Claimed::id).collect(Collectors.toSet());
    }
}
