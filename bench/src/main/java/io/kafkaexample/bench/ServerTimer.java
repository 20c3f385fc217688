package io.kafkaexample.bench;

import io.kafkaexample.testsupport.Http;

/**
 * A timer of a server's own /metrics (Prometheus text), summed over the series whose labels contain {@code labels}:
 * what the server itself saw, beside what the drivers see from outside.
 */
record ServerTimer(double count, double sumSeconds) {

    static final ServerTimer NONE = new ServerTimer(0, 0);

    /** Reads {@code <name>_count} and {@code <name>_sum} of the server at {@code serviceUrl}; NONE when it has no such timer. */
    static ServerTimer read(String serviceUrl, String name, String labels) {
        double count = 0;
        double sum = 0;
        try {
            for (String line : Http.get(Bench.serverOf(serviceUrl) + "/metrics").body().split("\n")) {
                if (!line.contains(labels)) {
                    continue;
                }
                if (line.startsWith(name + "_count")) {
                    count += last(line);
                } else if (line.startsWith(name + "_sum")) {
                    sum += last(line);
                }
            }
        } catch (RuntimeException e) {
            Bench.log(Bench.serverOf(serviceUrl) + "/metrics: " + e.getMessage());
        }
        return new ServerTimer(count, sum);
    }

    ServerTimer minus(ServerTimer earlier) {
        return new ServerTimer(count - earlier.count, sumSeconds - earlier.sumSeconds);
    }

    private static double last(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
