package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of a dead letter's replay, for one instance ({@code owner}): a letter is sent back at most once,
 * and a replay interrupted at any step (the instance killed after the mark, or after the send) leaves the letter
 * replayable again once the mark's lease runs out. The replay that takes over looks for the interrupted one's
 * copy on the topic first; a send that failed keeps the mark, since it may still land.
 */
public final class Replay {

    /** The letter's copy, as sent back to its consumer's topic. */
    public interface Copy {

        /** Sends it and waits for the broker's answer. */
        void send() throws Exception;

        /** Whether a copy of this letter reached the topic at {@code since} or later. */
        boolean landedSince(Instant since) throws Exception;
    }

    private final ReplayMarks marks;
    private final Duration lease;
    private final String owner;

    /** {@code lease}: longer than a whole send (the engine's {@link EngineSettings#lease()}). */
    public Replay(ReplayMarks marks, Duration lease, String owner) {
        this.marks = marks;
        this.lease = lease;
        this.owner = owner;
    }

    /** Replays {@code letter}; empty once sent (or found sent), else why it was skipped. */
    public Optional<String> replay(String letter, Copy copy, Instant now) {
        ReplayMarks.Mark mark = marks.claim(letter, lease, owner);
        if (mark instanceof ReplayMarks.Replayed replayed) {
            return Optional.of("already replayed at " + replayed.at());
        }
        if (mark instanceof ReplayMarks.Busy busy) {
            return Optional.of("another replay of it is in progress, or was interrupted: try again in " + seconds(busy.leaseLeft()) + " s");
        }
        if (mark instanceof ReplayMarks.TakenOver interrupted) {
            try {
                if (copy.landedSince(interrupted.since())) {
                    return record(letter, now);
                }
            } catch (Exception e) {
                keepInterrupt(e);
                return Optional.of("an interrupted replay of it may have landed and its topic could not be read back ("
                        + e.getClass().getSimpleName() + "): try again in " + seconds(lease) + " s");
            }
        }
        try {
            copy.send();
        } catch (Exception e) {
            keepInterrupt(e);
            return Optional.of("could not be sent (" + e.getClass().getSimpleName() + "), and may still land: try again in "
                    + seconds(lease) + " s");
        }
        return record(letter, now);
    }

    private Optional<String> record(String letter, Instant now) {
        // a mark taken over meanwhile: the other replay finds this copy on the topic and records it
        marks.replayed(letter, owner, now);
        return Optional.empty();
    }

    private static void keepInterrupt(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
