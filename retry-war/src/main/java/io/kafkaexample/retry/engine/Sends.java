package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Sends the claimed retries of a batch and settles each: recorded once the broker took it (the records of many
 * sends in one round trip), counted as a failed send (put back, or dead-lettered after
 * {@link EngineSettings#maxSendFailures()}), or put back unsent when its lease could run out mid-send. An attempt
 * claimed before is first looked for on its topic, since that earlier send may have landed unrecorded.
 */
final class Sends {

    private static final Logger LOG = Logger.getLogger(Sends.class.getName());

    /** Where a retry put back gets its job again. */
    interface Tracker {
        void track(String id, Duration dueIn, Claim.Claimed copy);
    }

    private final RetryState state;
    private final Sender sender;
    private final Landed landed;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final EngineSettings settings;
    private final RetryEvents events;
    private final String owner;
    private final Tracker track;
    private final Combiner<Settled> settled = new Combiner<>(Redelivery.BATCH, this::recordAll);

    Sends(RetryState state, Sender sender, Landed landed, DeadLetters deadLetters, Clock clock, EngineSettings settings,
          RetryEvents events, String owner, Tracker track) {
        this.state = state;
        this.sender = sender;
        this.landed = landed;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.owner = owner;
        this.track = track;
    }

    void redeliver(List<Claim> claims, long claimedAt) {
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
        LOG.fine(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.key() + ", attempt " + entry.attempts()
                + ") redelivered to " + entry.replyTo() + ", " + lateness.toMillis() + " ms after its due time");
        settled.add(new Settled(entry, lateness));
    }

    private void record(Claim.Claimed entry) {
        settled.add(new Settled(entry, Duration.ZERO));
    }

    /** A redelivery on its topic, to be recorded; how late it was sent. */
    private record Settled(Claim.Claimed entry, Duration lateness) {
    }

    /** Records the redeliveries sent, all in one round trip; one line for them all. */
    private void recordAll(List<Settled> sent) {
        List<Claim.Claimed> entries = sent.stream().map(Settled::entry).toList();
        try {
            List<Boolean> recorded = state.redelivered(entries.stream().map(e -> new RetryState.Attempt(e.id(), e.attempts())).toList(), owner);
            for (int i = 0; i < entries.size(); i++) {
                Claim.Claimed entry = entries.get(i);
                if (!recorded.get(i)) {
                    LOG.fine(() -> "retry " + entry.id() + " attempt " + entry.attempts() + " was no longer claimed by " + owner
                            + " when its send completed: left to the claim that replaced it");
                }
            }
            LOG.info(() -> entries.size() + " redeliveries sent and recorded (" + entries.get(0).id() + " to "
                    + entries.get(0).replyTo() + (entries.size() > 1 ? ", and " + (entries.size() - 1) + " more" : "") + "), the latest "
                    + sent.stream().mapToLong(s -> s.lateness().toMillis()).max().orElse(0) + " ms after its due time");
        } catch (RuntimeException e) {
            // the leases run out, the entries are claimed again, and those claims find these copies on their topics
            LOG.warning(() -> entries.size() + " redeliveries (" + entries.get(0).id() + " ...) are on their topics but Redis could not"
                    + " record them (" + e + "): their next claims find them there");
        }
    }

    private void sendFailed(Claim.Claimed entry, Exception error) {
        String cause = Redelivery.describe(error);
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
        DeadLetters.Letter letter = new DeadLetters.Letter(entry.id(), entry.originTopic(), entry.key(), entry.record(), entry.attempts(),
                reason + ": " + cause);
        // a claim taken over may follow a give-up whose letter landed unrecorded
        Optional<Exception> failed = EarlierLetters.publish(deadLetters, List.of(letter),
                entry.claimedBefore().map(at -> Map.of(entry.id(), at)).orElse(Map.of())).failure();
        if (failed.isPresent()) {
            throw failed.get();
        }
        state.deadLettered(entry.id(), reason, settings.stateTtl());
        events.deadLettered(entry.originTopic());
    }

    private void putBack(Claim.Claimed entry, Duration delay, String why) {
        LOG.warning(() -> "retry " + entry.id() + " (" + entry.originTopic() + ", key=" + entry.key() + ", attempt " + entry.attempts()
                + ") not redelivered: " + why + "; trying again in " + delay);
        if (state.release(entry.id(), entry.attempts(), owner, delay, settings.stateTtl())) {
            track.track(entry.id(), delay, entry);
        }
    }

    private Duration heldSince(long claimedAt) {
        return Duration.ofNanos(clock.nanoTime() - claimedAt);
    }
}
