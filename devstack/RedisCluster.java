import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a Redis Cluster of started, cluster-enabled redis-server nodes: the first third of the nodes given
 * are masters, each with the slots of its share, the others their replicas in the same order. It speaks
 * RESP over a socket with plain commands that Redis 6.2 already has (CLUSTER ADDSLOTS, MEET, REPLICATE: no
 * ADDSLOTSRANGE, no redis-cli), so it works with the redis-server of the embedded-redis jar too. Nodes that
 * form a cluster already (restarted with their nodes.conf) are left as they are. Then it waits until every
 * node given reports cluster_state:ok. Run by ./stack with Java's source launcher:
 * {@code java devstack/RedisCluster.java <wait-s> <nodes-in-the-cluster> <host:port>...}
 */
public final class RedisCluster {

    private static final int SLOTS = 16384;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RedisCluster <wait-seconds> <nodes-in-the-cluster> <host:port>...");
            System.exit(2);
        }
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[0]));
        int size = Integer.parseInt(args[1]);
        List<String> nodes = List.of(args).subList(2, args.length);
        for (String node : nodes) {
            awaitPong(node, deadline);
        }
        List<String> fresh = nodes.stream().filter(RedisCluster::isFresh).toList();
        if (fresh.size() == size && nodes.size() == size) {
            create(nodes, deadline);
        } else if (!fresh.isEmpty()) {
            fail("node(s) " + fresh + " belong to no cluster while the others do (or not every node of a new cluster runs):"
                    + " start all " + size + " nodes of a new cluster at once, or delete the cluster's state and start it again");
        }
        for (String node : nodes) {
            awaitState(node, deadline);
        }
        System.out.println("redis cluster ok: " + roles(nodes));
    }

    private static boolean isFresh(String node) {
        String info = call(node, "CLUSTER", "INFO");
        return field(info, "cluster_known_nodes").equals("1") && field(info, "cluster_slots_assigned").equals("0");
    }

    private static void create(List<String> nodes, Instant deadline) throws InterruptedException {
        int masters = nodes.size() / 2;
        for (int m = 0; m < masters; m++) {
            call(nodes.get(m), "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(m + 1));
            List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = SLOTS * m / masters; slot < SLOTS * (m + 1) / masters; slot++) {
                command.add(Integer.toString(slot));
            }
            call(nodes.get(m), command.toArray(String[]::new));
        }
        String[] first = address(nodes.get(0));
        for (String node : nodes.subList(1, nodes.size())) {
            call(node, "CLUSTER", "MEET", first[0], first[1]);
        }
        for (String node : nodes) {
            while (!field(call(node, "CLUSTER", "INFO"), "cluster_known_nodes").equals(Integer.toString(nodes.size()))) {
                pause(node, "to meet the other nodes", deadline);
            }
        }
        for (int r = masters; r < nodes.size(); r++) {
            String master = call(nodes.get(r - masters), "CLUSTER", "MYID");
            call(nodes.get(r), "CLUSTER", "REPLICATE", master);
        }
        System.out.println("created a redis cluster of " + masters + " masters and " + (nodes.size() - masters) + " replicas");
    }

    private static void awaitPong(String node, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                if ("PONG".equals(call(node, "PING"))) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            pause(node, "to answer PING", deadline);
        }
    }

    private static void awaitState(String node, Instant deadline) throws InterruptedException {
        while (!field(call(node, "CLUSTER", "INFO"), "cluster_state").equals("ok")) {
            pause(node, "to report cluster_state:ok (are the other nodes up? ./stack status)", deadline);
        }
    }

    private static String roles(List<String> nodes) {
        List<String> roles = new ArrayList<>();
        for (String node : nodes) {
            roles.add(node + " " + field(call(node, "INFO", "replication"), "role").replace("slave", "replica"));
        }
        return String.join(", ", roles);
    }

    private static void pause(String node, String what, Instant deadline) throws InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            fail("redis node " + node + " did not manage " + what + " in time");
        }
        Thread.sleep(200);
    }

    /** The value of {@code name} in an INFO-style answer (name:value lines); empty when absent. */
    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    /** host, port; the host as an IP address, which CLUSTER MEET needs. */
    private static String[] address(String node) {
        int colon = node.lastIndexOf(':');
        try {
            return new String[] {InetAddress.getByName(node.substring(0, colon)).getHostAddress(), node.substring(colon + 1)};
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve " + node, e);
        }
    }

    /** Sends one command and reads a simple-string, integer or bulk-string answer; an error answer fails. */
    private static String call(String node, String... command) {
        String[] at = address(node);
        try (Socket socket = new Socket(at[0], Integer.parseInt(at[1]))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String line = line(in);
            return switch (line.charAt(0)) {
                case '+', ':' -> line.substring(1);
                case '$' -> new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8);
                default -> throw new IllegalStateException(node + " answered " + command[0]
                        + (command.length > 1 ? " " + command[1] : "") + " with " + line);
            };
        } catch (IOException e) {
            throw new IllegalStateException(node + " does not answer: " + e.getMessage(), e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
