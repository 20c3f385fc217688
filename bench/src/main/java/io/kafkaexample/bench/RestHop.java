package io.kafkaexample.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * REST hop: consumer-war's {@code /ping} (through its MicroProfile REST client, with timeout, retry and
 * circuit breaker) against the producer's {@code ping-what} called directly, with the same load generator
 * (wrk) and the same threads and connections.
 *
 * <p>Both paths are first warmed up, alternately, until each one's rate settles: the hop runs far more code
 * that the JIT has to compile (REST client, fault tolerance, HTTP client), and after a single 5-s warm-up it was
 * measured half cold, so the row swung between runs (0.15 to 0.39, 2026-12-07); on these 2 cores the hop
 * climbs for minutes of load (171 requests/s in its first 5 s, 4,559 after three minutes, 2026-12-08). Then
 * the two paths run in alternating pairs, so that whatever else the 2 cores are doing weighs on both; the row gives the median run of
 * each and the spread of the pairs' ratios.
 *
 * <p>The CPU each server spends per request (its whole process, from the operating system, over the measured
 * runs) shows where the hop's cost lies, which a CPU profile of one server cannot.
 *
 * <p>{@code RestHop <wrk> <threads> <connections> <seconds> <consumer-pid> <producer-pid>}
 */
public final class RestHop {

    private static final String WARM_SECONDS = "10";
    private static final int MAX_WARM_ROUNDS = 12;
    /** Settled: a path's last {@link #SETTLED_RUNS} warm-up runs lie within this share of the highest of them. */
    private static final double SETTLED = 0.15;
    /** Three runs of 10 s, not two of 5: a climbing hop gave close runs on its way up (2,883, 3,103, 2,618, then 4,559). */
    private static final int SETTLED_RUNS = 3;
    private static final int PAIRS = 3;

    private RestHop() {
    }

    public static void main(String[] args) throws Exception {
        String wrk = args[0];
        String threads = args[1];
        String connections = args[2];
        String seconds = args[3];
        String direct = Bench.producerUrl() + "/ping-what";
        String hop = Bench.consumerUrl() + "/ping";
        ProcessCpu consumer = new ProcessCpu(Long.parseLong(args[4]));
        ProcessCpu producer = new ProcessCpu(Long.parseLong(args[5]));

        List<Double> warmDirect = new ArrayList<>();
        List<Double> warmHop = new ArrayList<>();
        do {
            warmDirect.add(Wrk.run(wrk, threads, connections, WARM_SECONDS, direct).requestsPerSecond());
            warmHop.add(Wrk.run(wrk, threads, connections, WARM_SECONDS, hop).requestsPerSecond());
        } while (warmHop.size() < MAX_WARM_ROUNDS && !(settled(warmDirect) && settled(warmHop)));
        String warmUp = warmHop.size() + " rounds of " + WARM_SECONDS + " s each (" + (settled(warmDirect) && settled(warmHop)
                ? "until both rates settled within " + Math.round(SETTLED * 100) + " % over " + SETTLED_RUNS + " runs"
                : "NOT settled, stopped at the limit")
                + "; the first, cold hop run: " + Stats.num(warmHop.get(0)) + " requests/s)";

        List<Wrk> directRuns = new ArrayList<>();
        List<Wrk> hopRuns = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long directProducerCpu = 0;
        long hopConsumerCpu = 0;
        long hopProducerCpu = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            long p0 = producer.micros();
            Wrk d = Wrk.run(wrk, threads, connections, seconds, direct);
            long p1 = producer.micros();
            long c1 = consumer.micros();
            Wrk h = Wrk.run(wrk, threads, connections, seconds, hop);
            directProducerCpu += p1 - p0;
            hopProducerCpu += producer.micros() - p1;
            hopConsumerCpu += consumer.micros() - c1;
            directRuns.add(d);
            hopRuns.add(h);
            ratios.add(h.requestsPerSecond() / d.requestsPerSecond());
        }
        Wrk d = median(directRuns);
        Wrk h = median(hopRuns);
        Stats pairRatios = new Stats(ratios);
        long directRequests = sum(directRuns, Wrk::requests);
        long hopRequests = sum(hopRuns, Wrk::requests);
        Bench.row("REST hop: /ping through the REST client, wrk -t" + threads + " -c" + connections + ", " + PAIRS
                        + " alternating pairs of " + seconds + "-s runs after a warm-up",
                Stats.num(h.requestsPerSecond()) + " requests/s (median run), latency p50 " + Stats.num(h.p50()) + " / p99 "
                        + Stats.num(h.p99()) + " / max " + Stats.num(h.max()) + " ms",
                "ping-what direct: " + Stats.num(d.requestsPerSecond()) + " requests/s, p50 " + Stats.num(d.p50()) + " / p99 "
                        + Stats.num(d.p99()) + " / max " + Stats.num(d.max()) + " ms",
                Stats.ratio(h.requestsPerSecond(), d.requestsPerSecond()) + " (pairs " + String.format(Locale.ROOT,
                        "%.2f-%.2f", pairRatios.min(), pairRatios.max()) + "); added p99 " + Stats.num(h.p99() - d.p99()) + " ms",
                "CPU per request over the measured runs: direct, producer-svc " + perRequest(directProducerCpu, directRequests)
                        + " µs; hop, consumer-svc " + perRequest(hopConsumerCpu, hopRequests) + " µs and producer-svc "
                        + perRequest(hopProducerCpu, hopRequests) + " µs; warm-up: " + warmUp + "; non-2xx answers: /ping "
                        + sum(hopRuns, Wrk::non2xx) + " of " + hopRequests + ", direct " + sum(directRuns, Wrk::non2xx) + " of "
                        + directRequests + "; socket errors " + sum(hopRuns, Wrk::socketErrors) + " / "
                        + sum(directRuns, Wrk::socketErrors) + "; wrk and both servers share the 2 cores");
    }

    static boolean settled(List<Double> rates) {
        if (rates.size() < SETTLED_RUNS) {
            return false;
        }
        Stats last = new Stats(rates.subList(rates.size() - SETTLED_RUNS, rates.size()));
        return last.max() - last.min() <= SETTLED * last.max();
    }

    /** The run with the median rate (of an odd number of runs), with its own latencies. */
    static Wrk median(List<Wrk> runs) {
        List<Wrk> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Wrk::requestsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static String perRequest(long cpuMicros, long requests) {
        return requests == 0 ? "n/a" : Stats.num((double) cpuMicros / requests);
    }

    private static long sum(List<Wrk> runs, ToLongFunction<Wrk> field) {
        return runs.stream().mapToLong(field).sum();
    }
}
