package io.kafkaexample.common.graphql;

import io.kafkaexample.common.json.CachedJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The GraphQL runtime's answer, held back until it is complete so that no error leaks how the service is
 * built: the runtime puts the Java class of an exception in {@code extensions.exception}; those fields go.
 * The code at the start of a {@link ClientError}'s message moves to {@code extensions.code}.
 */
final class ScrubbedResponse extends HttpServletResponseWrapper {

    /** Extension fields that name classes or code. */
    static final Set<String> REVEALING = Set.of("exception", "stackTrace", "stacktrace");

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    ScrubbedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("synchronous writes only");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // held until the answer is complete: committing now would send what must still be scrubbed
    }

    @Override
    public void setContentLength(int length) {
        // the scrubbed answer is shorter
    }

    @Override
    public void setContentLengthLong(long length) {
        // the scrubbed answer is shorter
    }

    /** Sends the answer, without revealing extension fields, to the client. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        byte[] body = scrub(buffer.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The answer without {@link #REVEALING} fields in its errors' extensions; anything that is not a JSON object as it is. */
    static String scrub(String answer) {
        if (!answer.contains("\"errors\"")) {
            return answer;
        }
        JsonObject document;
        try (JsonReader reader = CachedJson.reader(answer)) {
            document = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return answer;
        }
        if (!(document.get("errors") instanceof jakarta.json.JsonArray errors)) {
            return answer;
        }
        JsonArrayBuilder scrubbed = CachedJson.arrayBuilder();
        for (JsonValue error : errors) {
            scrubbed.add(error instanceof JsonObject object ? without(object) : error);
        }
        return CachedJson.objectBuilder(document).add("errors", scrubbed).build().toString();
    }

    private static JsonObject without(JsonObject error) {
        JsonObjectBuilder kept = CachedJson.objectBuilder();
        if (error.get("extensions") instanceof JsonObject extensions) {
            extensions.forEach((name, value) -> {
                if (!REVEALING.contains(name)) {
                    kept.add(name, value);
                }
            });
        }
        JsonObjectBuilder scrubbed = CachedJson.objectBuilder(error);
        if (error.get("message") instanceof JsonString message) {
            ClientError.coded(message.getString()).ifPresent(coded -> {
                scrubbed.add("message", coded.message());
                kept.add("code", coded.code());
                coded.retryAfterSeconds().ifPresent(seconds -> kept.add("retryAfterSeconds", seconds));
            });
        }
        return scrubbed.add("extensions", kept).build();
    }
}
