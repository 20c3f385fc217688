package io.kafkaexample.common.graphql;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the GraphQL endpoint's answers GraphQL, whatever the client sends:
 * <ul>
 * <li>a body that is not a GraphQL request (not JSON, no {@code query}, too large) gets a GraphQL error
 *     and 400 before it reaches the runtime, which would log it as an application error;</li>
 * <li>Liberty 26.0.0.3's GraphQL runtime throws NoSuchMethodError while it formats a validation error
 *     (an unknown field, a wrong argument type), so the container would answer 500 with an HTML page and
 *     a stack trace: any such failure becomes a GraphQL error document instead.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/graphql")
public class GraphQLErrorFilter extends HttpFilter {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(GraphQLErrorFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type != null && type.startsWith("application/graphql")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            answer(response, 413, "the request is larger than " + MAX_BODY_BYTES / 1024 + " KB", "InvalidRequest");
            return;
        }
        String problem = problemWith(body);
        if (problem != null) {
            answer(response, 400, problem, "InvalidRequest");
            return;
        }
        try {
            chain.doFilter(new CachedBody(request, body), response);
        } catch (ServletException | RuntimeException | LinkageError e) {
            if (response.isCommitted()) {
                throw e;
            }
            boolean validation = String.valueOf(rootCause(e)).contains("ValidationError");
            LOG.log(Level.FINE, "GraphQL request failed in the runtime", e);
            if (!validation) {
                LOG.warning(() -> "GraphQL request failed in the runtime: " + rootCause(e));
            }
            answer(response, 200, validation
                    ? "the query does not match the schema: check the field names, arguments and their types (GraphiQL's Docs show the schema)"
                    : "the request could not be executed", validation ? "ValidationError" : "ExecutionError");
        }
    }

    /** Why the body is not a GraphQL-over-HTTP request, or null when it is one. */
    static String problemWith(byte[] body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            return "the request body is not JSON: send {\"query\": \"...\", \"variables\": {...}}";
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return "the request body must be a JSON object with a \"query\"";
        }
        JsonObject object = value.asJsonObject();
        JsonValue query = object.get("query");
        if (query == null || query.getValueType() != JsonValue.ValueType.STRING) {
            return "the request body has no \"query\" string";
        }
        JsonValue variables = object.get("variables");
        if (variables != null && variables.getValueType() != JsonValue.ValueType.OBJECT
                && variables.getValueType() != JsonValue.ValueType.NULL) {
            return "\"variables\" must be a JSON object";
        }
        return null;
    }

    private static void answer(HttpServletResponse response, int status, String message, String classification)
            throws IOException {
        response.reset();
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("message", message)
                        .add("extensions", Json.createObjectBuilder().add("classification", classification))))
                .addNull("data")
                .build().toString());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The request with its body read once here and served again to the GraphQL runtime. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
