package io.kafkaexample.common.graphql;

import io.kafkaexample.common.json.CachedJson;
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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the GraphQL endpoint's answers GraphQL, whatever the client sends:
 * <ul>
 * <li>a body that is not a GraphQL request (not JSON, no {@code query}, too large; for {@code application/graphql}
 *     not UTF-8 text or too large) gets a GraphQL error and 400 or 413 before it reaches the runtime, which would
 *     log it as an application error; so does a document deeper or larger than {@link DocumentLimits} allow;</li>
 * <li>no answer names a Java class: the runtime's {@code extensions.exception} is removed ({@link ScrubbedResponse});</li>
 * <li>Liberty 26.0.0.3's GraphQL runtime throws NoSuchMethodError while it formats a validation error
 *     (an unknown field, a wrong argument type), so the container would answer 500 with an HTML page and
 *     a stack trace: any such failure becomes a GraphQL error document instead.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/graphql")
public class GraphQLErrorFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(GraphQLErrorFilter.class.getName());

    private DocumentLimits limits;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        limits = DocumentLimits.of(config.getValue("graphql.max-depth", String.class), config.getValue("graphql.max-fields", String.class));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest checked = request;
        String query;
        if ("POST".equals(request.getMethod())) {
            // the same cap and checks for every content type, application/graphql included
            byte[] body = request.getInputStream().readNBytes(GraphQLRequestBody.MAX_BYTES + 1);
            String problem = GraphQLRequestBody.problemWith(body, request.getContentType());
            if (problem != null) {
                answer(response, body.length > GraphQLRequestBody.MAX_BYTES ? 413 : 400, problem, "InvalidRequest");
                return;
            }
            byte[] json = GraphQLRequestBody.asJson(body, request.getContentType());
            query = GraphQLRequestBody.queryOf(json);
            checked = new CachedBody(request, json);
        } else {
            query = request.getParameter("query"); // a GET query; only a POST body is read above, never as parameters
        }
        String tooCostly = query == null ? null : limits.problemWith(query);
        if (tooCostly != null) {
            // a well-formed request whose document may not run, like one that fails validation: 200 and errors
            answer(response, 200, tooCostly, "ValidationError");
            return;
        }
        ScrubbedResponse scrubbed = new ScrubbedResponse(response);
        try {
            chain.doFilter(checked, scrubbed);
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
            return;
        }
        scrubbed.finish();
    }

    private static void answer(HttpServletResponse response, int status, String message, String classification)
            throws IOException {
        response.reset();
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(CachedJson.objectBuilder()
                .add("errors", CachedJson.arrayBuilder().add(CachedJson.objectBuilder()
                        .add("message", message)
                        .add("extensions", CachedJson.objectBuilder().add("classification", classification))))
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

    /** The request with its body read once here and served again to the GraphQL runtime, as JSON. */
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
        public String getContentType() {
            return "application/json;charset=UTF-8";
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
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
