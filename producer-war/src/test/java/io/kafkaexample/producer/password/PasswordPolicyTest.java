package io.kafkaexample.producer.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void weakPasswordsAreNamedForWhatIsWrong() {
        assertEquals(Optional.of("the password must have at least 10 characters"), PasswordPolicy.weakness("abc12", "ada"));
        assertEquals(Optional.of("the password must have at least 10 characters"), PasswordPolicy.weakness(null, "ada"));
        assertEquals(Optional.of("the password must have at most 128 characters"), PasswordPolicy.weakness("a1".repeat(65), "ada"));
        assertEquals(Optional.of("the password must mix letters with digits or symbols"), PasswordPolicy.weakness("onlylettershere", "ada"));
        assertEquals(Optional.of("the password must mix letters with digits or symbols"), PasswordPolicy.weakness("12345678901", "ada"));
        assertEquals(Optional.of("the password repeats too few different characters"), PasswordPolicy.weakness("aaaa1111aaaa", "ada"));
        assertEquals(Optional.of("the password must not contain the username"), PasswordPolicy.weakness("my-LOVELACE-99", "lovelace"));
    }

    @Test
    void aStrongPasswordPasses() {
        assertEquals(Optional.empty(), PasswordPolicy.weakness("correct-horse-42", "ada"));
    }
}
