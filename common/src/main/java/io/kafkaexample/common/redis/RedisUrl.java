package io.kafkaexample.common.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parsed form of {@code REDIS_URL}: one Redis, {@code redis://[[user]:password@]host[:port][/db]}
 * ({@code rediss://} for TLS), or a Redis Cluster, {@code redis-cluster://[[user]:password@]host[:port][,host[:port]...]}
 * ({@code rediss-cluster://} for TLS), whose nodes are where the client first learns the cluster's layout. A
 * malformed value fails fast with a message that names the key but never echoes the password.
 */
public record RedisUrl(boolean tls, boolean cluster, List<Node> nodes, String user, String password, int database) {

    public static final String CONFIG_KEY = "redis.url";
    private static final int DEFAULT_PORT = 6379;
    private static final String CLUSTER_SUFFIX = "-cluster";

    /** One address of the URL. */
    public record Node(String host, int port) {

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public RedisUrl {
        nodes = List.copyOf(nodes);
    }

    public static RedisUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("it is empty");
        }
        String text = value.trim();
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd);
        boolean cluster = scheme.endsWith(CLUSTER_SUFFIX);
        String base = cluster ? scheme.substring(0, scheme.length() - CLUSTER_SUFFIX.length()) : scheme;
        if (!"redis".equals(base) && !"rediss".equals(base)) {
            throw invalid("the scheme must be redis://, rediss://, redis-cluster:// or rediss-cluster://");
        }
        String rest = text.substring(schemeEnd + 3);
        int pathStart = rest.indexOf('/');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        String[] credentials = credentials(at < 0 ? null : authority.substring(0, at));
        List<Node> nodes = nodes(authority.substring(at + 1), cluster);
        if (cluster && !path.isEmpty() && !"/".equals(path)) {
            throw invalid("a database index is not allowed with " + scheme + "://: a Redis Cluster has database 0 only");
        }
        return new RedisUrl("rediss".equals(base), cluster, nodes, credentials[0], credentials[1], database(path));
    }

    /** The only node of a single Redis. */
    public Node node() {
        if (cluster) {
            throw new IllegalStateException("a cluster URL has several nodes: " + redacted());
        }
        return nodes.get(0);
    }

    /** For logs and health reports: never the password. */
    public String redacted() {
        String scheme = (tls ? "rediss" : "redis") + (cluster ? CLUSTER_SUFFIX : "");
        String addresses = nodes.stream().map(Node::toString).collect(Collectors.joining(","));
        return scheme + "://" + (password == null ? "" : "***@") + addresses + (cluster ? "" : "/" + database);
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** user, password (either may be null) of the part before '@'. */
    private static String[] credentials(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return new String[2];
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return new String[] {null, decode(userInfo)};
        }
        return new String[] {colon == 0 ? null : decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1))};
    }

    private static List<Node> nodes(String addresses, boolean cluster) {
        List<Node> nodes = new ArrayList<>();
        for (String address : addresses.split(",", -1)) {
            URI uri;
            try {
                uri = new URI("redis://" + address.strip());
            } catch (URISyntaxException e) {
                throw invalid("an address is not host:port");
            }
            if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null || uri.getRawPath() == null
                    || !uri.getRawPath().isEmpty()) {
                throw invalid(address.isBlank() ? "it names no host" : "an address is not host:port");
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
            nodes.add(new Node(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort()));
        }
        if (!cluster && nodes.size() > 1) {
            throw invalid("several addresses need redis-cluster:// or rediss-cluster://");
        }
        return nodes;
    }

    private static int database(String path) {
        if (path.isEmpty() || "/".equals(path)) {
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
                + "; expected redis://[[user]:password@]host:port[/db], rediss://... (TLS), or"
                + " redis-cluster://[[user]:password@]host:port[,host:port...], rediss-cluster://... (TLS)");
    }
}
