package io.kafkaexample.producer.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.graphql.ClientError;
import org.junit.jupiter.api.Test;

class UserValidationTest {

    @Test
    void goodValuesPassTrimmed() throws ClientError {
        assertEquals("ada.l_1-x", UserValidation.username("  ada.l_1-x "));
        assertEquals("ada@example.org", UserValidation.email(" ada@example.org "));
        assertEquals("Ada", UserValidation.name("firstName", " Ada "));
    }

    @Test
    void badUsernamesAreRefused() {
        for (String bad : new String[] {null, "ab", "_ada", "ada lovelace", "ada@home", "a".repeat(33)}) {
            assertTrue(message(() -> UserValidation.username(bad)).startsWith("username must be 3 to 32"), String.valueOf(bad));
        }
    }

    @Test
    void badEmailsAreRefusedAndQuoted() {
        for (String bad : new String[] {"ada", "ada@", "ada@example", "a da@example.org", "@example.org",
                "a".repeat(250) + "@example.org"}) {
            assertTrue(message(() -> UserValidation.email(bad)).startsWith("email is not a valid address"), bad);
        }
        assertEquals("email is not a valid address: 'ada@example'", message(() -> UserValidation.email("ada@example")));
    }

    @Test
    void badNamesAreRefused() {
        assertEquals("lastName must not be empty", message(() -> UserValidation.name("lastName", "  ")));
        assertEquals("lastName must not be empty", message(() -> UserValidation.name("lastName", null)));
        assertEquals("firstName must be at most 64 printable characters", message(() -> UserValidation.name("firstName", "a".repeat(65))));
        assertEquals("firstName must be at most 64 printable characters", message(() -> UserValidation.name("firstName", "Ada\u0007")));
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ClientError.class, call).getMessage();
    }
}
