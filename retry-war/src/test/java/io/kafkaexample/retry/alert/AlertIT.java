package io.kafkaexample.retry.alert;

import static io.kafkaexample.testsupport.Events.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TopicWatcher;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A dead letter is announced on the webhook of ALERT_WEBHOOK_URL (./stack points the test stack's at port
 * 19555, where this test listens). The other tests run with nothing listening there: their dead letters
 * show that a failing webhook holds nothing up, and may have opened the alert circuit breaker (30 s), so
 * this test writes a bad record every few seconds until the webhook hears of one.
 */
class AlertIT {

    private static final int WEBHOOK_PORT = 19555;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aDeadLetterIsPostedToTheWebhook() throws Exception {
        BlockingQueue<String> posts = new LinkedBlockingQueue<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", WEBHOOK_PORT), 0);
        webhook.createContext("/alert", exchange -> {
            posts.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        try (var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            Set<String> keys = new HashSet<>();
            String post = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (post == null && System.nanoTime() < deadline) {
                String key = newId();
                keys.add(key);
                KafkaProbe.send(Topics.NEW_USER_CREATED, key, "{not an event");
                for (String next = posts.poll(5, TimeUnit.SECONDS); next != null && post == null; next = posts.poll(1, TimeUnit.SECONDS)) {
                    if (keys.stream().anyMatch(next::contains)) {
                        post = next;
                    }
                }
            }
            assertTrue(post != null, "no alert within " + WAIT + " for any of " + keys);
            assertTrue(post.startsWith("POST application/json"), post);
            String text = Http.json(post.substring(post.indexOf('{'))).getString("text");
            String key = keys.stream().filter(text::contains).findFirst().orElseThrow();
            var letter = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(10));
            assertTrue(text.contains("Dead letter " + letter.partition() + "-" + letter.offset() + " from new-user-created"), text);
            assertTrue(text.contains("not retryable"), text);
            assertEquals(-1, text.indexOf("{not an event"), "an alert carries no payload: " + text);
        } finally {
            webhook.stop(0);
        }
    }
}
