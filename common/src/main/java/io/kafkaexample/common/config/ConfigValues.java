package io.kafkaexample.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Checks of configuration values whose failures name the key, its environment variable and the value. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** An ISO-8601 duration longer than zero, such as {@code PT1S} or {@code P7D}. */
    public static Duration positiveDuration(String key, String value) {
        Duration duration = duration(key, value);
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(key, value, "it must be longer than zero");
        }
        return duration;
    }

    /** An ISO-8601 duration, such as {@code PT0.005S} or {@code PT0S}. */
    public static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(key, value, "not an ISO-8601 duration such as PT15M or P7D");
        }
    }

    /** A whole number of at least 1. */
    public static int positiveInt(String key, String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "not a whole number");
        }
        if (number < 1) {
            throw invalid(key, value, "it must be at least 1");
        }
        return number;
    }

    public static IllegalStateException invalid(String key, String value, String why) {
        return new IllegalStateException(key + " (" + envName(key) + ") is '" + value + "': " + why);
    }

    /** MicroProfile Config's environment variable for a key. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
