package io.kafkaexample.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one wrk run printed: requests/s, latency percentiles in ms, and the answers that were not 2xx/3xx. */
record Wrk(double requestsPerSecond, double p50, double p99, double max, long non2xx, long socketErrors, long requests) {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern MAX = Pattern.compile("^\\s+Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s|m)", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    /** One run of {@code wrk} against {@code url}, its output echoed to stderr (the run's log). */
    static Wrk run(String wrk, String threads, String connections, String seconds, String url) throws Exception {
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url);
        Bench.log(String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        System.err.print(output);
        return parse(output);
    }

    static Wrk parse(String output) {
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            double ms = millis(p.group(2), p.group(3));
            if ("50".equals(p.group(1))) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        Matcher max = MAX.matcher(output);
        double maxMs = max.find() ? millis(max.group(1), max.group(2)) : Double.NaN;
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET.matcher(output);
        long errors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher requests = REQUESTS.matcher(output);
        return new Wrk(Double.parseDouble(rps.group(1)), p50, p99, maxMs, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors, requests.find() ? Long.parseLong(requests.group(1)) : 0);
    }

    static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
