package io.kafkaexample.common.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The parsed form of {@code REDIS_URL}: {@code redis://[[user]:password@]host[:port][/db]}, or
 * {@code rediss://} for TLS. A malformed value fails fast with a message that names the key but
 * never echoes the password.
 */
public record RedisUrl(boolean tls, String host, int port, String user, String password, int database) {

    public static final String CONFIG_KEY = "redis.url";
    private static final int DEFAULT_PORT = 6379;

    public static RedisUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("it is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URI");
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw invalid("the scheme must be redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("it names no host");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(userInfo);
            } else {
                user = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
        }
        return new RedisUrl("rediss".equals(scheme), uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password, database(uri.getPath()));
    }

    /** For logs and health reports: never the password. */
    public String redacted() {
        return (tls ? "rediss" : "redis") + "://" + (password == null ? "" : "***@")
                + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        try {
            int db = Integer.parseInt(path.substring(1));
            if (db < 0) {
                throw invalid("the database index must not be negative");
            }
            return db;
        } catch (NumberFormatException e) {
            throw invalid("the path must be a database index such as /0");
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Invalid " + CONFIG_KEY + " (env REDIS_URL): " + why
                + "; expected redis://[:password@]host:port[/db] or rediss://...");
    }
}
