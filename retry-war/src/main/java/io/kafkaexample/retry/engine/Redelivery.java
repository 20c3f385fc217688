package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Runs due retries for one instance ({@code owner}). A retry due within the horizon has a job; the sweep claims
 * whatever else is overdue, batch after batch while it finds full ones. Nothing is sent before the store has
 * granted this instance the claim, nor once the claim's lease could run out before a whole send; an attempt
 * claimed before (whose send may have landed unrecorded) is first looked for on its topic. A send that failed is
 * counted, and after {@link EngineSettings#maxSendFailures()} of them the message is dead-lettered, never dropped.
 */
public final class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());
    static final int BATCH = 500;

    private final RetryState state;
    private final Sender sender;
    private final Landed landed;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final EngineSettings settings;
    private final RetryEvents events;
    private final String owner;
    private final Jobs jobs;
    private final LostState lostState;

    public Redelivery(RetryState state, Sender sender, Landed landed, DeadLetters deadLetters, Clock clock, EngineSettings settings,
                      RetryEvents events, String owner) {
        this.state = state;
        this.sender = sender;
        this.landed = landed;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.owner = owner;
        this.jobs = new Jobs(clock, this::run);
        this.lostState = new LostState(sender, deadLetters, events);
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
            List<Due> due = state.dueWithin(settings.horizon(), BATCH);
            List<String> ids = due.stream().filter(Due::overdue).map(Due::id).toList();
            due.stream().filter(entry -> !entry.overdue() && !jobs.has(entry.id())).forEach(entry -> jobs.at(entry.id(), entry.dueIn(), null));
            ids.forEach(jobs::cancel);
            if (!ids.isEmpty()) {
                long claimedAt = clock.nanoTime();
                redeliver(state.claim(ids, settings.lease(), owner), claimedAt);
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

    private void run(String id, Claim.Claimed copy) {
        try {
            long claimedAt = clock.nanoTime();
            Claim claim = state.claim(List.of(id), settings.lease(), owner).get(0);
            if (claim instanceof Claim.NotDue notDue) {
                track(id, notDue.dueIn(), copy);
            } else if (claim instanceof Claim.Lost && copy != null) {
                lostState.redeliver(copy);
            } else {
                redeliver(List.of(claim), claimedAt);
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "retry " + id + " is due but could not be claimed (" + e + "): the sweep takes it");
        }
    }

    private void redeliver(List<Claim> claims, long claimedAt) {
        // a reply topic that failed once in this batch is not tried again for each of its entries (each waiting max.block)
        Set<String> failing = ConcurrentHashMap.newKeySet();
        List<Claim.Claimed> claimed = claims.stream().filter(Claim.Claimed.class::isInstance).map(Claim.Claimed.class::cast).toList();
        EarlierSends earlier = EarlierSends.check(landed, claimed);
        for (Claim.Claimed entry : claimed) {
            if (earlier.landed(entry)) {
                LOG.info(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.key() + ", attempt " + entry.attempts()
                        + ") is on " + entry.replyTo() + " already, sent under an earlier claim whose outcome was lost: not sent again");
                record(entry);
                continue;
            }
            Optional<Exception> unknown = earlier.unknown(entry);
            if (unknown.isPresent()) {
                sendFailed(entry, unknown.get());
                continue;
            }
            Duration held = heldSince(claimedAt);
            if (!settings.maySend(held) || failing.contains(entry.replyTo())) {
                putBack(entry, settings.sweepInterval(), failing.contains(entry.replyTo()) ? entry.replyTo() + " failed in this batch"
                        : "its lease could run out during the send (claimed " + held.toMillis() + " ms ago)");
                continue;
            }
            sender.send(entry, new Sender.Outcome() {
                @Override
                public void sent() {
                    settle(entry, claimedAt);
                }

                @Override
                public void failed(Exception error) {
                    failing.add(entry.replyTo());
                    sendFailed(entry, error);
                }
            });
        }
    }

    private void settle(Claim.Claimed entry, long claimedAt) {
        Duration lateness = entry.lateBy().plus(heldSince(claimedAt));
        events.redelivered(entry.originTopic(), lateness);
        LOG.info(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.key() + ", attempt " + entry.attempts()
                + ") redelivered to " + entry.replyTo() + ", " + lateness.toMillis() + " ms after its due time");
        record(entry);
    }

    private void record(Claim.Claimed entry) {
        try {
            if (!state.redelivered(entry.id(), entry.attempts(), owner)) {
                LOG.fine(() -> "retry " + entry.id() + " attempt " + entry.attempts() + " was no longer claimed by " + owner
                        + " when its send completed: left to the claim that replaced it");
            }
        } catch (RuntimeException e) {
            // the lease runs out, the entry is claimed again, and that claim finds this copy on the topic
            LOG.warning(() -> "retry " + entry.id() + " is on " + entry.replyTo() + " but Redis could not record it (" + e
                    + "): the next claim finds it there");
        }
    }

    private void sendFailed(Claim.Claimed entry, Exception error) {
        String cause = describe(error);
        try {
            OptionalInt failures = state.sendFailed(entry.id(), entry.attempts(), owner);
            if (failures.isEmpty()) {
                LOG.fine(() -> "retry " + entry.id() + ": a send failed after its claim was taken over (" + cause + ")");
            } else if (failures.getAsInt() >= settings.maxSendFailures()) {
                giveUp(entry, failures.getAsInt(), cause);
            } else {
                Duration delay = settings.sendRetryDelay(failures.getAsInt());
                putBack(entry, delay, "send " + failures.getAsInt() + " of at most " + settings.maxSendFailures() + " to "
                        + entry.replyTo() + " failed: " + cause);
            }
        } catch (Exception e) {
            LOG.warning(() -> "retry " + entry.id() + " could not be sent (" + cause + ") nor recorded as such (" + e
                    + "): its lease runs out and it is claimed again");
        }
    }

    private void giveUp(Claim.Claimed entry, int failures, String cause) throws Exception {
        String reason = "could not be redelivered to " + entry.replyTo() + " in " + failures + " sends";
        deadLetters.publish(new DeadLetters.Letter(entry.id(), entry.originTopic(), entry.key(), entry.record(), entry.attempts(),
                reason + ": " + cause));
        state.deadLettered(entry.id(), reason, settings.stateTtl());
        events.deadLettered(entry.originTopic());
    }

    private void putBack(Claim.Claimed entry, Duration delay, String why) {
        LOG.warning(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.key() + ", attempt " + entry.attempts()
                + ") not redelivered: " + why + "; trying again in " + delay);
        if (state.release(entry.id(), entry.attempts(), owner, delay, settings.stateTtl())) {
            track(entry.id(), delay, entry);
        }
    }

    private Duration heldSince(long claimedAt) {
        return Duration.ofNanos(clock.nanoTime() - claimedAt);
    }

    static String describe(Exception error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
