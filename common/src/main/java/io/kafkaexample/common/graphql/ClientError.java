package io.kafkaexample.common.graphql;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mistake of the caller (bad input, missing or invalid token, no permission). Checked on purpose:
 * MicroProfile GraphQL shows the message of a checked exception in {@code errors} and hides every
 * unchecked one behind a generic "Server Error", so only messages written for clients reach them.
 * <p>
 * An error a client should react to by code carries one: the runtime passes only the message on, so the
 * code travels at its start, {@code [code retry-after=N] text}, and {@link ScrubbedResponse} moves it to
 * {@code extensions.code} (and {@code extensions.retryAfterSeconds}) before the answer leaves.
 */
public class ClientError extends Exception {

    /** The code of an error that goes away by waiting: a throttle or lockout. */
    public static final String TOO_MANY_ATTEMPTS = "too-many-attempts";
    private static final Pattern CODED = Pattern.compile("\\[([a-z-]+)(?: retry-after=(\\d+))?] (.*)", Pattern.DOTALL);

    public ClientError(String message) {
        super(message, null, false, false);
    }

    /** An error with a code clients may rely on. */
    public static ClientError coded(String code, String message) {
        return new ClientError("[" + code + "] " + message);
    }

    /** Refused until {@code retryAfter} has passed (rounded up to whole seconds). */
    public static ClientError tooManyAttempts(Duration retryAfter, String message) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ClientError("[" + TOO_MANY_ATTEMPTS + " retry-after=" + seconds + "] " + message + ": try again in " + seconds + " s");
    }

    /** The parts of an error message with a code; empty for one without. */
    static Optional<Coded> coded(String message) {
        Matcher matcher = message == null ? null : CODED.matcher(message);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Coded(matcher.group(1),
                Optional.ofNullable(matcher.group(2)).map(Long::valueOf), matcher.group(3)));
    }

    record Coded(String code, Optional<Long> retryAfterSeconds, String message) {
    }
}
