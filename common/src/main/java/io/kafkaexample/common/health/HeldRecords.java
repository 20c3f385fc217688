package io.kafkaexample.common.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Records a channel holds unacknowledged until their work is done (stored, handed on), and the readiness
 * check that is DOWN while any is held. Holding, never nacking: a nack stops a Reactive Messaging stream,
 * and an acknowledged record whose work failed would be lost. Kafka delivers a held record again after a
 * restart, so the work must be idempotent.
 */
public abstract class HeldRecords implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(HeldRecords.class.getName());
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** The work done for one record; any exception means "not done, try again". */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private final String checkName;
    private final Map<String, String> held = new ConcurrentHashMap<>();

    protected HeldRecords(String checkName) {
        this.checkName = checkName;
    }

    /**
     * Runs {@code work} until it succeeds, waiting 1, 2, 4 … 30 s between attempts. Empty only if the thread
     * was interrupted (the server is stopping): the record then stays unacknowledged.
     *
     * @param position the record, as {@code topic-partition@offset}, for the log and the health check
     * @param what     what the work does, for the log ("store side record", "hand record to retry")
     */
    public <T> Optional<T> untilDone(String position, String what, Work<T> work) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                T result = work.run();
                held.remove(position);
                return Optional.of(result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                held.put(position, String.valueOf(e));
                Duration next = wait;
                LOG.severe(() -> "cannot " + what + " " + position + " (" + e + "); it stays unacknowledged, trying again in "
                        + next.toSeconds() + " s");
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        }
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named(checkName).status(held.isEmpty()).withData("held", held.size());
        new TreeMap<>(held).entrySet().stream().limit(10).forEach(e -> builder.withData(e.getKey(), e.getValue()));
        return builder.build();
    }
}
