package io.kafkaexample.bench;

import redis.clients.jedis.RedisClient;

/**
 * Where the token drain's time went, measured directly: the waits a CPU profile cannot show (a thread blocked in a
 * socket read), from Redis's own command statistics and consumer-svc's own timers.
 */
final class DrainWaits {

    private DrainWaits() {
    }

    /**
     * A note on the token phase: Redis's time in the scripts (read before and after it) and consumer-svc's batch and
     * Redis pipeline timers (it was started for this phase, so they count only it).
     */
    static String of(Drain.Phase tokens, double[] scriptsBefore) {
        double wall = tokens.firstToDoneSeconds();
        double[] scripts = scripts();
        double calls = scripts[0] - scriptsBefore[0];
        double seconds = (scripts[1] - scriptsBefore[1]) / 1e6;
        String inRedis = "Redis's own commandstats over the token drain (" + Stats.num(wall) + " s): " + (long) calls
                + " script calls at " + Stats.num(calls > 0 ? seconds * 1e6 / calls : 0) + " µs each, Redis busy with them "
                + Stats.num(100 * seconds / wall) + " % of the drain; ";
        String topic = "topic=\"" + Bench.TOKENS_TOPIC + "\"";
        ServerTimer batches = ServerTimer.read(Bench.consumerUrl(), "consumer_batch_time_seconds", topic);
        ServerTimer redis = ServerTimer.read(Bench.consumerUrl(), "consumer_redis_time_seconds", topic);
        if (batches.count() == 0) {
            return inRedis + "consumer-svc has no batch timers (a build before batching)";
        }
        return inRedis + "consumer-svc's own timers: " + (long) batches.count()
                + " batches of " + Stats.num(tokens.records() / batches.count()) + " on average, " + Stats.num(batches.sumSeconds())
                + " s in batches (" + Stats.num(100 * batches.sumSeconds() / wall) + " % of the drain), of which "
                + Stats.num(redis.sumSeconds()) + " s waiting on the Redis pipeline (" + Stats.num(100 * redis.sumSeconds() / wall)
                + " %)";
    }

    /** Script calls Redis has run (EVAL and EVALSHA) and the microseconds it spent in them, by INFO commandstats. */
    static double[] scripts() {
        double[] total = new double[2];
        try (RedisClient redis = RedisClient.create(Bench.redisUrl())) {
            for (String line : redis.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_eval:") || line.startsWith("cmdstat_evalsha:")) {
                    for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                        String[] pair = field.split("=");
                        if (pair[0].equals("calls")) {
                            total[0] += Double.parseDouble(pair[1]);
                        } else if (pair[0].equals("usec")) {
                            total[1] += Double.parseDouble(pair[1]);
                        }
                    }
                }
            }
        }
        return total;
    }
}
