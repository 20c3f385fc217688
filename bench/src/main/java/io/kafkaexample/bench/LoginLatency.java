package io.kafkaexample.bench;

import io.kafkaexample.testsupport.UsersClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end latency: GraphQL {@code login} on the producer until the consumer's read model shows the
 * token ({@code user(id) { tokensIssued }} one higher), at a fixed offered rate (open loop: each latency
 * counts from the moment the login was due, so a slow answer cannot hide the ones queued behind it).
 *
 * <p>Beside it, at the same rate: the login call alone (PBKDF2 on purpose) and a raw Kafka hop (acks=all
 * produce to a consumer polling the same broker), the floor the event path adds to.
 *
 * <p>{@code LoginLatency <logins-per-second> <seconds> <users>}
 */
public final class LoginLatency {

    private LoginLatency() {
    }

    private static final class Pending {
        final int user;
        final int expected;
        final long due;
        volatile long answered = -1;
        volatile boolean failed;

        Pending(int user, int expected, long due) {
            this.user = user;
            this.expected = expected;
            this.due = due;
        }
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int userCount = Integer.parseInt(args[2]);
        Bench.useDevStack();

        Stats kafka = RawKafkaHop.measure(rate, Math.min(seconds, 20));

        Bench.log("login latency: signing up " + userCount + " users (PBKDF2: a few per second on this machine)");
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            String name = UsersClient.uniqueName("bench");
            ids.add(UsersClient.signUp(name));
            names.add(name);
        }
        // the sign-ups' user.created must be in the read model before the first login is timed
        long wait = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Bench.tokensIssued(ids).containsValue(-1) && System.nanoTime() < wait) {
            Bench.sleep(Duration.ofMillis(200));
        }
        int[] counts = new int[userCount];
        Bench.tokensIssued(ids).forEach((id, n) -> counts[ids.indexOf(id)] = Math.max(0, n));
        AtomicBoolean[] busy = new AtomicBoolean[userCount];
        for (int i = 0; i < userCount; i++) {
            busy[i] = new AtomicBoolean();
        }

        ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        List<Double> endToEnd = new ArrayList<>();
        List<Double> afterAnswer = new ArrayList<>();
        List<Double> call = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 200_000_000L;
        int total = (int) (rate * seconds);
        AtomicInteger tick = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int i = tick.getAndIncrement();
            if (i >= total) {
                return;
            }
            long due = start + i * periodNanos;
            int user = -1;
            for (int k = 0; k < userCount && user < 0; k++) {
                int candidate = Math.floorMod(next.getAndIncrement(), userCount);
                if (busy[candidate].compareAndSet(false, true)) {
                    user = candidate;
                }
            }
            if (user < 0) {
                skipped.incrementAndGet();
                return;
            }
            Pending p = new Pending(user, ++counts[user], due);
            pending.add(p);
            callers.submit(() -> {
                try {
                    UsersClient.login(names.get(p.user), UsersClient.PASSWORD);
                    p.answered = System.nanoTime();
                    call.add((p.answered - p.due) / 1e6);
                } catch (Throwable e) {
                    Bench.log("login failed: " + e.getMessage());
                    failed.incrementAndGet();
                    p.failed = true;
                }
            });
        }, start - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);

        long end = start + (long) seconds * 1_000_000_000L + Duration.ofSeconds(60).toNanos();
        while ((tick.get() < total || !pending.isEmpty()) && System.nanoTime() < end) {
            List<Pending> now = new ArrayList<>(pending);
            if (now.isEmpty()) {
                Bench.sleep(Duration.ofMillis(10));
                continue;
            }
            List<String> query = now.stream().map(p -> ids.get(p.user)).distinct().toList();
            Map<String, Integer> seen = Bench.tokensIssued(query);
            long at = System.nanoTime();
            for (Pending p : now) {
                if (seen.getOrDefault(ids.get(p.user), -1) >= p.expected) {
                    endToEnd.add((at - p.due) / 1e6);
                    if (p.answered > 0) {
                        afterAnswer.add(Math.max(0, at - p.answered) / 1e6);
                    } else {
                        afterAnswer.add(0.0);
                    }
                    pending.remove(p);
                    busy[p.user].set(false);
                } else if (p.failed) {
                    pending.remove(p);
                    counts[p.user]--;
                    busy[p.user].set(false);
                }
            }
            Bench.sleep(Duration.ofMillis(20));
        }
        ticker.shutdownNow();
        callers.shutdownNow();
        Stats e2e = new Stats(endToEnd);
        Stats after = new Stats(afterAnswer);
        Stats calls = new Stats(call);
        Bench.row("End-to-end latency: login → read model, " + Stats.num(rate) + " logins/s for " + seconds + " s",
                e2e.summary("ms"),
                "raw Kafka hop (acks=all produce → poll) " + kafka.summary("ms") + "; login call alone " + calls.summary("ms"),
                "p50 after the login answered: " + Stats.num(after.percentile(50)) + " ms, p99 " + Stats.num(after.percentile(99)) + " ms",
                e2e.count() + " logins seen, " + failed.get() + " failed, " + skipped.get() + " not sent (all " + userCount
                        + " users busy), " + pending.size() + " never seen; read model polled every ~20 ms; the rate stays "
                        + "below PBKDF2's capacity on 2 cores (210,000 iterations per login)");
    }
}
