package io.kafkaexample.consumer.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PingIT {

    @Test
    void pingAnswersWithTheProducersPongAndFastWithA503WhenTheProducerIsDown() {
        var up = Http.get(TestStack.consumerUrl() + "/ping");
        assertEquals(200, up.statusCode());
        assertEquals("Pong!", Http.json(up.body()).getString("ok"));

        TestStack.stack("down", "producer");
        try {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                var down = Http.get(TestStack.consumerUrl() + "/ping");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(503, down.statusCode());
                assertEquals("application/problem+json", down.headers().firstValue("Content-Type").orElse(""));
                assertEquals("producer-svc is unreachable", Http.json(down.body()).getString("title"));
                assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
            }
        } finally {
            TestStack.stack("up", "--no-build", "producer");
        }
    }
}
