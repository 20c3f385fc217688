package io.kafkaexample.common.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys and values travel as bytes (a record is handed on, redelivered and dead-lettered exactly as it came);
 * these are the two ways to read them as text: strictly, to parse them, and leniently, to show them.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text of {@code bytes}; throws if they are not valid UTF-8 (a lenient decoder would put U+FFFD in). */
    public static String strict(byte[] bytes) throws CharacterCodingException {
        return bytes == null ? null : StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** For logs and read APIs: invalid sequences shown as U+FFFD. */
    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
