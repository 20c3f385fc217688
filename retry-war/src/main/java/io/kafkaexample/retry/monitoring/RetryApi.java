package io.kafkaexample.retry.monitoring;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.graphql.PageLimit;
import io.kafkaexample.retry.store.RetryBacklog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class RetryApi {

    @Inject
    RetryBacklog backlog;

    @Query("pendingRetries")
    @Description("The retries waiting for redelivery, the earliest due first (limit 1.." + PageLimit.MAX + ")")
    public List<PendingRetry> pendingRetries(@Name("limit") @DefaultValue("20") int limit) throws ClientError {
        PageLimit.checked("limit", limit, PageLimit.MAX);
        return backlog.pending(limit).stream().map(PendingRetry::new).toList();
    }

    @Query("retryStats")
    @Description("Scheduled, redelivered and dead-lettered counts, the backlog and its oldest overdue age")
    public RetryStats retryStats() {
        Map<String, String> counts = backlog.stats();
        long oldestOverdue = backlog.earliestDue()
                .map(due -> Math.max(0, Duration.between(due, Instant.now()).toSeconds()))
                .orElse(0L);
        return new RetryStats(count(counts, "scheduled"), count(counts, "redelivered"), count(counts, "deadLettered"),
                backlog.pendingCount(), oldestOverdue);
    }

    private static long count(Map<String, String> counts, String name) {
        return Long.parseLong(counts.getOrDefault(name, "0"));
    }
}
