package io.kafkaexample.retry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** retry-svc and consumer-svc as a client sees them in the end-to-end tests, plus the test stack's retry settings. */
public final class RetryClient {

    /** What ./stack gives the test stack (STACK_PROFILE=it): 3 retries after 1, 2 and 4 s, no jitter. */
    public static final int MAX_RETRIES = 3;
    public static final Duration INITIAL = Duration.ofSeconds(1);
    /** Long enough for the whole backoff window (7 s), a sweep, and the consumer's round trips. */
    public static final Duration WAIT = Duration.ofSeconds(45);

    private RetryClient() {
    }

    public static JsonObject retry(String query, String token) {
        return Http.graphql(TestStack.retryUrl() + "/graphql", query, token);
    }

    public static JsonObject retry(String query) {
        return retry(query, null);
    }

    /** The read model's view of a user, or null. */
    public static JsonObject consumerUser(String userId) {
        JsonObject response = Http.graphql(TestStack.consumerUrl() + "/graphql",
                "{ user(id: \"" + userId + "\") { id tokensIssued } }");
        var data = response.getJsonObject("data");
        return data == null || data.isNull("user") ? null : data.getJsonObject("user");
    }

    public static List<String> pendingKeys() {
        return retry("{ pendingRetries(limit: 1000) { key } }").getJsonObject("data").getJsonArray("pendingRetries")
                .getValuesAs(JsonObject.class).stream().map(p -> p.isNull("key") ? "" : p.getString("key")).toList();
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(h -> h.key(), h -> RetryHeaders.get(record.headers(), h.key()).orElse(""), (a, b) -> b));
    }

    public static int attempts(ConsumerRecord<String, String> record) {
        return RetryHeaders.attempts(record.headers());
    }

    /** Polls until {@code check} holds, or fails with {@code what}. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** kill -9 of the test stack's retry-svc, returning once the process is gone (its port free for a restart). */
    public static void killRetrySvc() throws Exception {
        long pid = Long.parseLong(Files.readString(TestStack.repoRoot().resolve(".stack/it/pids/retry.pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("retry-svc (pid " + pid + ") is not running"));
        assertTrue(process.info().commandLine().orElse("").contains("ws-server.jar"), "pid " + pid + " is not a Liberty server");
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
        process.onExit().get();
    }
}
