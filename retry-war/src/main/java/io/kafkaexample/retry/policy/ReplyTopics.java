package io.kafkaexample.retry.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topics retry-war may redeliver to ({@code retry.reply-topics}). {@code retry-reply-to} comes from
 * whoever wrote to the side topic: without this rule, one record could make retry-war write into any topic
 * of the cluster. A record that names no allowed topic is dead-lettered, with the reason.
 */
public record ReplyTopics(Set<String> allowed) {

    public static final String KEY = "retry.reply-topics";

    public ReplyTopics {
        allowed = Set.copyOf(allowed);
        if (allowed.isEmpty() || allowed.stream().anyMatch(String::isBlank)) {
            throw new InvalidRetryConfigException(KEY + " must list at least one topic, and no blank one, was " + allowed);
        }
    }

    public static ReplyTopics of(List<String> topics) {
        return new ReplyTopics(Set.copyOf(topics.stream().map(String::strip).toList()));
    }

    /** Why a record asking to be redelivered to {@code replyTo} must be dead-lettered instead; empty if it may go there. */
    public Optional<String> refusal(Optional<String> replyTo) {
        if (replyTo.isEmpty()) {
            return Optional.of("no retry-reply-to header: nowhere to redeliver it");
        }
        if (!allowed.contains(replyTo.get())) {
            return Optional.of("retry-reply-to '" + replyTo.get() + "' is not one of " + KEY + " " + allowed.stream().sorted().toList());
        }
        return Optional.empty();
    }
}
