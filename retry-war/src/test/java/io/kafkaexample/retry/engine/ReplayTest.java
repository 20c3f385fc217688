package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A dead letter is replayed once, whatever step its replay is interrupted at. */
class ReplayTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final String LETTER = "0-7@1700000000000";

    private final ManualTime time = new ManualTime();
    private final FakeReplayMarks marks = new FakeReplayMarks(time);
    /** The topic the letter goes back to: the store-clock time of each copy that landed. */
    private final List<Long> topic = new ArrayList<>();

    /** What the next send does: land and answer, or one of the ways a replay is interrupted. */
    private enum Send { OK, CRASH_BEFORE, CRASH_AFTER, TIMED_OUT, TIMED_OUT_THEN_LANDED }

    private Send next = Send.OK;
    private boolean unreadable;

    private final Replay.Copy copy = new Replay.Copy() {
        @Override
        public void send() throws Exception {
            switch (next) {
                case OK -> topic.add(time.now());
                case CRASH_BEFORE -> throw new Crash();
                case CRASH_AFTER -> {
                    topic.add(time.now());
                    throw new Crash();
                }
                case TIMED_OUT -> throw new TimeoutException("Expiring 1 record(s)");
                case TIMED_OUT_THEN_LANDED -> {
                    topic.add(time.now());
                    throw new TimeoutException("Expiring 1 record(s)");
                }
            }
        }

        @Override
        public boolean landedSince(Instant since) throws Exception {
            if (unreadable) {
                throw new TimeoutException("Timeout expired while fetching topic metadata");
            }
            return topic.stream().anyMatch(at -> at >= since.toEpochMilli());
        }
    };

    /** The instance dies: nothing after this point of its replay runs. */
    private static final class Crash extends RuntimeException {
    }

    private Optional<String> replay(String owner) {
        try {
            return new Replay(marks, LEASE, owner).replay(LETTER, copy, Instant.ofEpochMilli(time.now()));
        } catch (Crash killed) {
            return Optional.of("killed");
        } finally {
            next = Send.OK;
        }
    }

    @Test
    void aLetterIsReplayedOnceAndThenSkipped() {
        assertEquals(Optional.empty(), replay("a"));
        assertTrue(replay("b").orElseThrow().startsWith("already replayed at "));
        assertEquals(1, topic.size());
    }

    @Test
    void killedAfterTheMarkBeforeTheSendTheLetterIsReplayableOnceTheLeaseRunsOut() {
        next = Send.CRASH_BEFORE;
        replay("a");
        assertTrue(replay("b").orElseThrow().startsWith("another replay of it is in progress, or was interrupted: try again in 60 s"));
        time.advance(LEASE);
        assertEquals(Optional.empty(), replay("b"));
        assertEquals(1, topic.size());
        assertTrue(marks.isReplayed(LETTER));
    }

    @Test
    void killedAfterTheSendBeforeItWasRecordedTheCopyIsFoundNotSentAgain() {
        time.advance(Duration.ofSeconds(5));
        next = Send.CRASH_AFTER;
        replay("a");
        time.advance(LEASE);
        assertEquals(Optional.empty(), replay("b"));
        assertEquals(1, topic.size(), "never sent twice");
        assertTrue(marks.isReplayed(LETTER));
    }

    @Test
    void aTimedOutSendKeepsTheMarkAndIsFoundIfItLandedAfterAll() {
        next = Send.TIMED_OUT_THEN_LANDED;
        assertTrue(replay("a").orElseThrow().startsWith("could not be sent (TimeoutException), and may still land: try again in 60 s"));
        assertTrue(replay("a").orElseThrow().startsWith("another replay of it is in progress"), "not unmarked: it may land");
        time.advance(LEASE);
        assertEquals(Optional.empty(), replay("a"));
        assertEquals(1, topic.size());
    }

    @Test
    void aTimedOutSendThatNeverLandedIsSentByTheNextReplay() {
        next = Send.TIMED_OUT;
        replay("a");
        time.advance(LEASE);
        assertEquals(Optional.empty(), replay("b"));
        assertEquals(1, topic.size());
    }

    @Test
    void aTopicThatCannotBeReadBackIsNeverSentBlind() {
        next = Send.CRASH_AFTER;
        replay("a");
        time.advance(LEASE);
        unreadable = true;
        assertTrue(replay("b").orElseThrow().contains("could not be read back"));
        assertEquals(1, topic.size());
        unreadable = false;
        time.advance(LEASE);
        assertEquals(Optional.empty(), replay("c"));
        assertEquals(1, topic.size());
    }
}
