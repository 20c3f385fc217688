package io.kafkaexample.retry.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A broker in memory: every send it takes is recorded (what consumers would receive); it answers at once, or
 * holds the answers back ({@link #hold}) as a stalled broker does, or fails for unreachable topics.
 */
final class FakeSender implements Sender {

    record Sent(String id, int attempts, String topic, String owner, long at) {
    }

    private record Held(Claim.Claimed entry, Outcome outcome) {
    }

    private final String owner;
    private final ManualTime time;
    private final List<Sent> delivered;
    final Set<String> unreachable = new HashSet<>();
    private final List<Held> held = new ArrayList<>();
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
        } else if (hold) {
            held.add(new Held(entry, outcome));
        } else {
            land(entry);
            outcome.sent();
        }
    }

    /** From now on, answers wait for {@link #release()}. */
    void hold() {
        hold = true;
    }

    /** What becomes of the held sends. */
    private enum Fate { LANDED, TIMED_OUT, TIMED_OUT_THEN_LANDED, LANDED_UNHEARD, VANISHED }

    /** The held sends land now, and the broker answers at once again. */
    void release() {
        answerHeld(Fate.LANDED);
    }

    /** The held sends never landed: they fail, as the producer fails them after its delivery timeout. */
    void timeOut() {
        answerHeld(Fate.TIMED_OUT);
    }

    /** The producer gave up on the held sends, and the broker appended them all the same, later. */
    void timeOutThenLand() {
        answerHeld(Fate.TIMED_OUT_THEN_LANDED);
    }

    /** The broker took the held sends and the instance died before it heard: landed, and nobody recorded them. */
    void landThenCrash() {
        answerHeld(Fate.LANDED_UNHEARD);
    }

    /** The instance died with these sends in flight: they never land and nobody hears of them. */
    void crash() {
        answerHeld(Fate.VANISHED);
    }

    private void answerHeld(Fate fate) {
        hold = false;
        List<Held> answers = List.copyOf(held);
        held.clear();
        for (Held send : answers) {
            switch (fate) {
                case LANDED -> {
                    land(send.entry());
                    send.outcome().sent();
                }
                case TIMED_OUT -> send.outcome().failed(new TimeoutException("Expiring 1 record(s): delivery timeout"));
                case TIMED_OUT_THEN_LANDED -> {
                    send.outcome().failed(new TimeoutException("Expiring 1 record(s): delivery timeout"));
                    land(send.entry());
                }
                case LANDED_UNHEARD -> land(send.entry());
                case VANISHED -> { }
            }
        }
    }

    private void land(Claim.Claimed entry) {
        delivered.add(new Sent(entry.id(), entry.attempts(), entry.replyTo(), owner, time.now()));
    }
}
