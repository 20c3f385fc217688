package io.kafkaexample.common.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batchers of a service's incoming channels, on the server's managed executors, with the settings of
 * {@link BatchSettings}; each channel's connector is checked to let a whole batch wait unacknowledged.
 */
@ApplicationScoped
public class Batchers {

    /** The liberty-kafka connector's own default for unacked.limit is the channel's max.poll.records. */
    private static final int CONNECTOR_MAX_POLL_RECORDS = 500;

    @Resource
    ManagedScheduledExecutorService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = BatchSettings.SIZE)
    String size;

    @Inject
    @ConfigProperty(name = BatchSettings.WAIT)
    String wait;

    @Inject
    @ConfigProperty(name = BatchSettings.MAX_UNACKED_AGE)
    String maxUnackedAge;

    private final List<Batcher<?>> all = new CopyOnWriteArrayList<>();
    private BatchSettings settings;

    @PostConstruct
    void check() {
        settings = BatchSettings.of(size, wait, maxUnackedAge);
    }

    public BatchSettings settings() {
        return settings;
    }

    /** A batcher for {@code channel} that hands each batch to {@code flush}, one batch after the other. */
    public <T> Batcher<T> create(String channel, Consumer<List<T>> flush) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        int maxPoll = config.getOptionalValue(prefix + "max.poll.records", Integer.class).orElse(CONNECTOR_MAX_POLL_RECORDS);
        settings.requireUnackedLimit(channel, config.getOptionalValue(prefix + "unacked.limit", Integer.class).orElse(maxPoll));
        Batcher<T> batcher = new Batcher<>(channel, settings, timers, executor, flush, System::nanoTime);
        all.add(batcher);
        return batcher;
    }

    /** Every batcher created so far. */
    public List<Batcher<?>> all() {
        return List.copyOf(all);
    }
}
