package io.kafkaexample.producer.user;

import io.kafkaexample.common.graphql.ClientError;
import java.util.regex.Pattern;

/** The rules for what a user may be called and reached at. */
public final class UserValidation {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");
    // deliberately simple: one @, a dotted domain, no spaces; the mailbox itself is the real check
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 64;

    private UserValidation() {
    }

    public static String username(String value) throws ClientError {
        String username = trimmed(value);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ClientError("username must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }

    public static String email(String value) throws ClientError {
        String email = trimmed(value);
        if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new ClientError("email is not a valid address: '" + shorten(value) + "'");
        }
        return email;
    }

    public static String name(String field, String value) throws ClientError {
        String name = trimmed(value);
        if (name == null || name.isEmpty()) {
            throw new ClientError(field + " must not be empty");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new ClientError(field + " must be at most " + MAX_NAME + " printable characters");
        }
        return name;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
