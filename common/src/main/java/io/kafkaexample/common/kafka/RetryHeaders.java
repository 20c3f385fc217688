package io.kafkaexample.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a failed record carries to the retry service and on to the dead-letter queue
 * (UTF-8 strings; a forwarder replaces earlier values, never appends). {@link FailedRecord} writes and reads
 * them; these are the names and the primitives it is built from.
 */
public final class RetryHeaders {

    public static final String ORIGIN_TOPIC = "retry-origin-topic";
    public static final String ORIGIN_PARTITION = "retry-origin-partition";
    public static final String ORIGIN_OFFSET = "retry-origin-offset";
    /**
     * Where the record a consumer failed on sits (the original or a redelivered copy): a consumer that applies it
     * again after a crash reports the same failure again, and retry-war counts it once.
     */
    public static final String FAILED_POSITION = "retry-failed-position";
    public static final String GROUP = "retry-group";
    public static final String REPLY_TO = "retry-reply-to";
    public static final String ATTEMPTS = "retry-attempts";
    public static final String FIRST_FAILURE_AT = "retry-first-failure-at";
    public static final String ERROR_CLASS = "retry-error-class";
    public static final String ERROR_MESSAGE = "retry-error-message";
    public static final String RETRYABLE = "retry-retryable";
    public static final String DLQ_REASON = "dlq-reason";
    public static final String DLQ_AT = "dlq-at";
    /** On a redelivery: the retry it belongs to, so that a send whose outcome was lost can be found on its topic. */
    public static final String RETRY_ID = "retry-id";
    /** On a replay: the dead letter it replays, so that a replay whose outcome was lost can be found on its topic. */
    public static final String DLQ_REPLAY_OF = "dlq-replay-of";

    /** The contract caps the error message at 1 KB. */
    public static final int MAX_ERROR_MESSAGE_BYTES = 1024;

    private RetryHeaders() {
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Replaces every earlier value of the header. */
    public static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The attempts a record has already failed, 0 for a record that never failed. */
    public static int attempts(Headers headers) {
        try {
            return get(headers, ATTEMPTS).map(String::trim).map(Integer::parseInt).filter(n -> n >= 0).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Cuts a message to at most {@link #MAX_ERROR_MESSAGE_BYTES} of UTF-8, never inside a character. */
    public static String truncate(String message) {
        String text = message == null ? "" : message;
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int codePoint : text.codePoints().toArray()) {
            int size = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_ERROR_MESSAGE_BYTES) {
                break;
            }
            out.appendCodePoint(codePoint);
            bytes += size;
        }
        return out.toString();
    }
}
