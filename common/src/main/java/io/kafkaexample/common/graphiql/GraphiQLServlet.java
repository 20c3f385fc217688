package io.kafkaexample.common.graphiql;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Serves GraphiQL at {@code <context-root>/graphql-ui/} with its scripts and styles taken from
 * webjars inside the WAR. Liberty's own page loads them from a CDN and stays blank offline. The page opens
 * with tabs of the service's example operations, {@code META-INF/graphql-ui/examples.json} of its WAR.
 *
 * <p>A servlet rather than static resources: a JAX-RS application mapped to {@code /*} would
 * shadow {@code META-INF/resources}, and a whitelist keeps the rest of the webjars unexposed.
 */
@WebServlet(urlPatterns = {"/graphql-ui", "/graphql-ui/*"})
public class GraphiQLServlet extends HttpServlet {

    private static final String INDEX = "index.html";
    private static final Map<String, String> ASSETS = loadAssets();
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "json", "application/json;charset=UTF-8");
    // GraphiQL sets inline styles and embeds its fonts as data: URLs; nothing else is allowed
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // relative asset URLs in the page only resolve under the trailing slash
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String name = path.equals("/") ? INDEX : path.substring(1);
        String resource = ASSETS.get(name);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = GraphiQLServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ServletException("GraphiQL asset missing from the WAR: " + resource);
            }
            response.setContentType(CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            // the page itself follows deployments at once; the versioned libraries may be cached
            response.setHeader("Cache-Control", name.contains(".min.") ? "public, max-age=86400" : "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }

    private static Map<String, String> loadAssets() {
        Properties assets = new Properties();
        try (InputStream in = GraphiQLServlet.class.getResourceAsStream("/META-INF/graphql-ui/assets.properties")) {
            assets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assets.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(n -> n, assets::getProperty));
    }
}
