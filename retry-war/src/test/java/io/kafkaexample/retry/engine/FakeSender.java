package io.kafkaexample.retry.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A broker in memory: every send it takes is recorded (what consumers would receive); it answers at once, or
 * holds the answers back ({@link #hold}) as a stalled broker does, or fails for unreachable topics.
 */
final class FakeSender implements Sender {

    record Sent(String id, int attempts, String topic, String owner, long at) {
    }

    private final String owner;
    private final ManualTime time;
    private final List<Sent> delivered;
    final Set<String> unreachable = new HashSet<>();
    private final List<Runnable> held = new ArrayList<>();
    private final List<Sender.Outcome> heldOutcomes = new ArrayList<>();
    /** Runs inside each send, before it is answered (a send that blocks its thread, say). */
    Runnable duringSend = () -> { };
    private boolean hold;
    int sendCalls;

    FakeSender(String owner, ManualTime time, List<Sent> delivered) {
        this.owner = owner;
        this.time = time;
        this.delivered = delivered;
    }

    @Override
    public void send(Claim.Claimed entry, Outcome outcome) {
        sendCalls++;
        duringSend.run();
        if (unreachable.contains(entry.replyTo())) {
            outcome.failed(new IllegalStateException("Topic " + entry.replyTo() + " not present in metadata"));
            return;
        }
        Runnable answer = () -> {
            delivered.add(new Sent(entry.id(), entry.attempts(), entry.replyTo(), owner, time.now()));
            outcome.sent();
        };
        if (hold) {
            held.add(answer);
            heldOutcomes.add(outcome);
        } else {
            answer.run();
        }
    }

    /** From now on, answers wait for {@link #release()}. */
    void hold() {
        hold = true;
    }

    /** The held sends land now, and the broker answers at once again. */
    void release() {
        hold = false;
        held.forEach(Runnable::run);
        held.clear();
        heldOutcomes.clear();
    }

    /** The held sends never landed: they fail, as the producer fails them after its delivery timeout. */
    void timeOut() {
        hold = false;
        List<Sender.Outcome> outcomes = List.copyOf(heldOutcomes);
        held.clear();
        heldOutcomes.clear();
        outcomes.forEach(o -> o.failed(new java.util.concurrent.TimeoutException("Expiring 1 record(s): delivery timeout")));
    }

    /** The instance died with these sends in flight: they never land and nobody hears of them. */
    void crash() {
        held.clear();
        heldOutcomes.clear();
    }
}
