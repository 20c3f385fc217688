package io.kafkaexample.producer.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxConfigTest {

    @Test
    void thePollIntervalIsADuration() {
        assertEquals(Duration.ofSeconds(1), new OutboxConfig("PT1S").pollInterval());
    }

    @Test
    void aBadPollIntervalStopsTheStartNamingTheKey() {
        assertEquals("outbox.poll-interval (OUTBOX_POLL_INTERVAL) is '1000': not an ISO-8601 duration such as PT15M or P7D",
                assertThrows(IllegalStateException.class, () -> new OutboxConfig("1000")).getMessage());
        assertEquals("outbox.poll-interval (OUTBOX_POLL_INTERVAL) is 'PT0S': it must be longer than zero",
                assertThrows(IllegalStateException.class, () -> new OutboxConfig("PT0S")).getMessage());
    }
}
