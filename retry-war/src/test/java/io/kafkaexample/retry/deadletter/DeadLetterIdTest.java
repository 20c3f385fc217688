package io.kafkaexample.retry.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.graphql.ClientError;
import org.junit.jupiter.api.Test;

class DeadLetterIdTest {

    @Test
    void parsesPartitionAndOffset() throws ClientError {
        assertEquals(new DeadLetterId(3, 42), DeadLetterId.parse("3-42"));
        assertEquals(new DeadLetterId(0, 0), DeadLetterId.parse(" 0-0 "));
        assertEquals("7-123", DeadLetterId.parse("7-123").toString());
    }

    @Test
    void refusesAnythingElseWithAClearMessage() {
        for (String bad : new String[] {null, "", "3", "3-", "-1-4", "a-b", "3-42-1", "99999999999-1"}) {
            var error = assertThrows(ClientError.class, () -> DeadLetterId.parse(bad), bad);
            assertTrue(error.getMessage().contains("<partition>-<offset>"), error.getMessage());
        }
    }
}
