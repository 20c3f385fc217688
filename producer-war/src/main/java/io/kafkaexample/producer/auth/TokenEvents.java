package io.kafkaexample.producer.auth;

import io.kafkaexample.common.json.CachedJson;
import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import io.kafkaexample.producer.user.StoredUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code token.issued} CloudEvent of the contract: the token's id and times, never the token. */
public final class TokenEvents {

    private TokenEvents() {
    }

    public static CloudEvent tokenIssued(StoredUser user, IssuedToken token) {
        return CloudEvent.of(EventTypes.SOURCE_PRODUCER, EventTypes.TOKEN_ISSUED, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                CachedJson.objectBuilder()
                        .add("userId", user.id())
                        .add("username", user.username())
                        .add("tokenId", token.tokenId())
                        .add("issuedAt", token.issuedAt().toString())
                        .add("expiresAt", token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString())
                        .build());
    }
}
