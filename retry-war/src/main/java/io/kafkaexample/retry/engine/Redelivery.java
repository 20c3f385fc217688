package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs due retries for one instance ({@code owner}). A retry due within the horizon has a job; jobs that fall due
 * together are claimed together, in one round trip. The sweep claims whatever else is overdue, batch after batch
 * while it finds full ones. Nothing is sent before the store has granted this instance the claim ({@link Sends}
 * sends and settles them).
 */
public final class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());
    static final int BATCH = 500;

    private final RetryState state;
    private final Clock clock;
    private final EngineSettings settings;
    private final String owner;
    private final Jobs jobs;
    private final LostState lostState;
    private final Sends sends;
    private final Combiner<Jobs.Fell> due = new Combiner<>(BATCH, this::runDue);

    public Redelivery(RetryState state, Sender sender, Landed landed, DeadLetters deadLetters, Clock clock, EngineSettings settings,
                      RetryEvents events, String owner) {
        this.state = state;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        this.jobs = new Jobs(clock, due::addAll);
        this.lostState = new LostState(sender, deadLetters, events);
        this.sends = new Sends(state, sender, landed, deadLetters, clock, settings, events, owner, this::track);
    }

    /**
     * A retry now on the schedule, due in {@code dueIn}: a job of its own if that is within the horizon.
     * {@code copy}: the retry as this instance scheduled it, or null.
     */
    public void track(String id, Duration dueIn, Claim.Claimed copy) {
        if (dueIn.compareTo(settings.horizon()) <= 0) {
            jobs.at(id, dueIn, copy);
        }
    }

    /** Claims and sends everything overdue, and gives the retries due within the horizon their jobs. */
    public void sweep() {
        int overdue;
        do {
            List<Due> dueSoon = state.dueWithin(settings.horizon(), BATCH);
            List<String> ids = dueSoon.stream().filter(Due::overdue).map(Due::id).toList();
            dueSoon.stream().filter(entry -> !entry.overdue() && !jobs.has(entry.id())).forEach(entry -> jobs.at(entry.id(), entry.dueIn(), null));
            ids.forEach(jobs::cancel);
            if (!ids.isEmpty()) {
                long claimedAt = clock.nanoTime();
                sends.redeliver(state.claim(ids, settings.lease(), owner), claimedAt);
            }
            overdue = ids.size();
        } while (overdue == BATCH);
    }

    public void stop() {
        jobs.cancelAll();
    }

    int jobCount() {
        return jobs.size();
    }

    private void runDue(List<Jobs.Fell> fell) {
        Map<String, Claim.Claimed> copies = new LinkedHashMap<>();
        fell.forEach(job -> copies.put(job.id(), job.copy()));
        List<String> ids = new ArrayList<>(copies.keySet());
        try {
            long claimedAt = clock.nanoTime();
            List<Claim> claims = state.claim(ids, settings.lease(), owner);
            List<Claim> toSend = new ArrayList<>(claims.size());
            for (Claim claim : claims) {
                Claim.Claimed copy = copies.get(claim.id());
                if (claim instanceof Claim.NotDue notDue) {
                    track(claim.id(), notDue.dueIn(), copy);
                } else if (claim instanceof Claim.Lost && copy != null) {
                    lostState.redeliver(copy);
                } else {
                    toSend.add(claim);
                }
            }
            sends.redeliver(toSend, claimedAt);
        } catch (RuntimeException e) {
            LOG.warning(() -> ids.size() + " retries (" + ids.get(0) + " ...) are due but could not be claimed (" + e
                    + "): the sweep takes them");
        }
    }

    static String describe(Exception error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
