package io.kafkaexample.producer.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedInJakartaSecuritysFormat() {
        String first = hasher.hash("correct-horse-42".toCharArray());
        String second = hasher.hash("correct-horse-42".toCharArray());
        assertTrue(first.matches("PBKDF2WithHmacSHA512:210000:[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{88}"), first);
        assertNotEquals(first, second, "a random salt per hash");
        assertTrue(hasher.verify("correct-horse-42".toCharArray(), first));
        assertTrue(hasher.verify("correct-horse-42".toCharArray(), second));
        assertFalse(hasher.verify("correct-horse-43".toCharArray(), first));
    }

    @Test
    void aDamagedStoredHashNeverVerifiesAndNeverThrows() {
        String stored = hasher.hash("correct-horse-42".toCharArray());
        assertFalse(hasher.verify("correct-horse-42".toCharArray(), null));
        assertFalse(hasher.verify("correct-horse-42".toCharArray(), "garbage"));
        assertFalse(hasher.verify("correct-horse-42".toCharArray(), stored.replace("210000", "x")));
        assertFalse(hasher.verify("correct-horse-42".toCharArray(), stored.substring(0, stored.length() - 4) + "%%%="));
        hasher.verifyNobody("anything".toCharArray());
    }
}
