package io.kafkaexample.producer.password;

import java.util.Locale;
import java.util.Optional;

/** What a new password must be: long enough, not only letters or only digits, not the username. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is too weak, or empty when it is acceptable. */
    public static Optional<String> weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("the password must have at most " + MAX_LENGTH + " characters");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of("the password must mix letters with digits or symbols");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("the password repeats too few different characters");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the username");
        }
        return Optional.empty();
    }
}
