package io.kafkaexample.common.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSettingsTest {

    @Test
    void theDefaultsParse() {
        BatchSettings settings = BatchSettings.of("500", "PT0.005S", "PT30S");
        assertEquals(new BatchSettings(500, Duration.ofMillis(5), Duration.ofSeconds(30)), settings);
        assertEquals(Duration.ZERO, BatchSettings.of("1", "PT0S", "PT1S").maxWait(), "no wait: a batch of what is there");
    }

    @Test
    void aBadValueNamesItsKeyAndVariable() {
        var zero = assertThrows(IllegalStateException.class, () -> BatchSettings.of("0", "PT0S", "PT1S"));
        assertTrue(zero.getMessage().startsWith("ingest.batch-size (INGEST_BATCH_SIZE) is '0'"), zero.getMessage());
        var negative = assertThrows(IllegalStateException.class, () -> BatchSettings.of("5", "PT-1S", "PT1S"));
        assertTrue(negative.getMessage().contains("INGEST_BATCH_WAIT"), negative.getMessage());
        assertThrows(IllegalStateException.class, () -> BatchSettings.of("5", "PT0S", "PT0S"));
    }

    @Test
    void aConnectorThatCannotHoldAWholeBatchUnacknowledgedIsRefused() {
        BatchSettings settings = BatchSettings.of("500", "PT0S", "PT1S");
        settings.requireUnackedLimit("issued-token", 500);
        var refused = assertThrows(IllegalStateException.class, () -> settings.requireUnackedLimit("issued-token", 499));
        assertTrue(refused.getMessage().contains("mp.messaging.incoming.issued-token.unacked.limit"), refused.getMessage());
    }
}
