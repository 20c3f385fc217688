package io.kafkaexample.retry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTopicsTest {

    private final ReplyTopics topics = ReplyTopics.of(List.of("consumer-svc-redelivery", " audit-redelivery "));

    @Test
    void aConfiguredReplyTopicIsAllowed() {
        assertEquals(Optional.empty(), topics.refusal(Optional.of("consumer-svc-redelivery")));
        assertEquals(Optional.empty(), topics.refusal(Optional.of("audit-redelivery")));
    }

    @Test
    void anyOtherTopicIsRefusedNamingTheTopicAndTheKey() {
        String reason = topics.refusal(Optional.of("new-user-created")).orElseThrow();
        assertTrue(reason.contains("'new-user-created'"), reason);
        assertTrue(reason.contains(ReplyTopics.KEY), reason);
    }

    @Test
    void aRecordWithoutReplyTopicIsRefused() {
        assertTrue(topics.refusal(Optional.empty()).orElseThrow().startsWith("no retry-reply-to header"));
    }

    @Test
    void anEmptyOrBlankListIsABadConfiguration() {
        assertThrows(InvalidRetryConfigException.class, () -> ReplyTopics.of(List.of()));
        assertThrows(InvalidRetryConfigException.class, () -> ReplyTopics.of(List.of("consumer-svc-redelivery", " ")));
    }
}
