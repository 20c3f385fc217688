package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeTest {

    private final Instances instances = new Instances();
    private final Instances.Instance a = instances.start("a");

    @Test
    void aFailureIsScheduledAfterItsBackoffAndAReportReadAgainChangesNothing() throws Exception {
        a.intake.accept(Instances.failure("m1", 1, "side-0@1"));
        a.intake.accept(Instances.failure("m1", 1, "side-0@1"));

        assertEquals("scheduled", instances.state.stateOf("m1"));
        assertEquals(instances.time.now() + 1000, instances.state.schedule.get("m1"));
        instances.run(Duration.ofSeconds(3), Duration.ofMillis(100));
        assertEquals(List.of(1), instances.attemptsSent("m1"), "one redelivery, attempt 1");
    }

    @Test
    void aReportReadAgainAfterACrashBeforeItsRetryWasScheduledIsScheduledThen() throws Exception {
        // the crash left the report counted but not scheduled
        instances.state.register(Instances.failure("m2", 1, "side-0@1"), Duration.ofHours(1));

        a.intake.accept(Instances.failure("m2", 1, "side-0@1"));

        assertEquals("scheduled", instances.state.stateOf("m2"));
        assertEquals(1, instances.state.entries.get("m2").attempts, "still counted once");
    }

    @Test
    void aFailureBeyondMaxRetriesIsDeadLetteredOnceEvenWhenItsReportIsReadAgain() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            a.intake.accept(Instances.failure("m3", attempt, "side-0@" + attempt));
        }
        a.intake.accept(Instances.failure("m3", 4, "side-0@4"));
        a.intake.accept(Instances.failure("m3", 2, "side-0@2"));

        assertEquals(1, instances.deadLetters.of("m3"));
        assertEquals("dead-lettered", instances.state.stateOf("m3"));
        assertTrue(instances.deadLetters.letters.get(0).reason().startsWith("gave up after 4 failed attempts"));
        assertEquals("record-m3", instances.deadLetters.letters.get(0).record(), "the record as it failed");
    }

    /**
     * Each attempt fails on its own copy, then the last failure is reported again: by the instance that took over from a
     * consumer killed before committing the copy it failed on (the same copy), or because retry-war sent the last
     * redelivery twice, the outcome of the first send lost, and both copies failed (another copy).
     */
    @ParameterizedTest
    @ValueSource(strings = {"consumer-svc-redelivery-0@4", "consumer-svc-redelivery-1@9"})
    void theLastFailureReportedAgainIsNeitherCountedNorDeadLetteredAgain(String reportedAgainFrom) throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            a.intake.accept(Instances.failure("m12", attempt, "side-0@" + attempt, Optional.of("consumer-svc-redelivery-0@" + attempt)));
        }
        a.intake.accept(Instances.failure("m12", 4, "side-0@5", Optional.of(reportedAgainFrom)));

        assertEquals(1, instances.deadLetters.of("m12"));
        assertEquals(4, instances.state.entries.get("m12").attempts);
    }

    @Test
    void aScheduledRetryReportedAgainFromTheSameRecordKeepsItsCountAndDueTime() throws Exception {
        a.intake.accept(Instances.failure("m13", 1, "side-0@1", Optional.of("issued-token-0@7")));
        long due = instances.state.schedule.get("m13");
        instances.time.advance(Duration.ofMillis(400));
        a.intake.accept(Instances.failure("m13", 1, "side-1@1", Optional.of("issued-token-0@7")));

        assertEquals(1, instances.state.entries.get("m13").attempts);
        assertEquals(due, instances.state.schedule.get("m13"));
    }

    @Test
    void distinctRecordsWithTheSameBytesAreOneMessageAndEachIsDeadLettered() throws Exception {
        a.intake.accept(fatal("m14", "side-0@1"));
        a.intake.accept(new Failure("m14", "issued-token", "k", "g", Optional.of(Instances.REPLY_TO), 1, false, "E", "side-0@2",
                Optional.of("issued-token-0@other"), "r"));

        assertEquals(2, instances.deadLetters.of("m14"));
    }

    @Test
    void aReplyTopicThatIsNotConfiguredIsDeadLetteredWithTheReasonAndNeverSent() throws Exception {
        Failure elsewhere = new Failure("m4", "issued-token", "k", "g", Optional.of("payments"), 1, true, "E", "side-0@1",
                Optional.empty(), "r");
        a.intake.accept(elsewhere);
        instances.run(Duration.ofSeconds(10), Duration.ofSeconds(1));

        assertEquals(1, instances.deadLetters.of("m4"));
        assertTrue(instances.deadLetters.letters.get(0).reason().contains("'payments' is not one of retry.reply-topics"));
        assertEquals(List.of(), instances.attemptsSent("m4"));
    }

    @Test
    void aFailureThatIsNotRetryableIsDeadLetteredAtOnce() throws Exception {
        Failure fatal = new Failure("m5", "issued-token", "k", "g", Optional.of(Instances.REPLY_TO), 1, false, "E", "side-0@1",
                Optional.empty(), "r");
        a.intake.accept(fatal);

        assertEquals(1, instances.deadLetters.of("m5"));
        assertTrue(instances.deadLetters.letters.get(0).reason().startsWith("not retryable"));
    }

    @Test
    void aBatchCountsEachReportAndDecidesOncePerMessage() throws Exception {
        // m6 reported twice in one batch (two side records of one failure): counted twice, scheduled once
        a.intake.accept(List.of(Instances.failure("m6", 1, "side-0@1"), Instances.failure("m7", 1, "side-1@1"),
                Instances.failure("m6", 1, "side-2@1")));

        assertEquals(2, instances.state.entries.get("m6").attempts);
        assertEquals("scheduled", instances.state.stateOf("m6"));
        assertEquals(instances.time.now() + 2000, instances.state.schedule.get("m6"), "the second attempt's backoff");
        assertEquals("scheduled", instances.state.stateOf("m7"));
        assertEquals(2, instances.scheduled.size(), "one retry each");
        instances.run(Duration.ofSeconds(3), Duration.ofMillis(100));
        assertEquals(List.of(2), instances.attemptsSent("m6"), "one redelivery");
    }

    @Test
    void aMessageWhoseSecondReportInABatchUsesUpItsRetriesIsOnlyDeadLettered() throws Exception {
        a.intake.accept(List.of(Instances.failure("m11", 3, "side-0@1"), Instances.failure("m11", 4, "side-0@2")));
        instances.run(Duration.ofSeconds(10), Duration.ofMillis(100));

        assertEquals(1, instances.deadLetters.of("m11"));
        assertEquals(List.of(), instances.attemptsSent("m11"), "the first report's retry is not scheduled beside the letter");
    }

    @Test
    void lettersTheBrokerDidNotTakeFailTheBatchAndAreSentAgainWhileThoseItTookAreNot() throws Exception {
        List<Failure> fatal = List.of(fatal("m8", "side-0@1"), fatal("m9", "side-0@2"), fatal("m10", "side-0@3"));
        instances.deadLetters.takes = 1;

        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> a.intake.accept(fatal));
        assertTrue(refused.getMessage().contains("not reachable"), refused.getMessage());
        assertEquals("dead-lettered", instances.state.stateOf("m8"), "recorded: the broker has it");
        assertEquals("received", instances.state.stateOf("m9"));

        instances.deadLetters.takes = Integer.MAX_VALUE;
        a.intake.accept(fatal); // the batch, taken in again
        assertEquals(List.of(1L, 1L, 1L), List.of(instances.deadLetters.of("m8"), instances.deadLetters.of("m9"),
                instances.deadLetters.of("m10")), "each letter once");
    }

    private static Failure fatal(String id, String side) {
        return new Failure(id, "issued-token", "k", "g", Optional.of(Instances.REPLY_TO), 1, false, "E", side,
                Optional.of("issued-token-0@" + id), "r");
    }
}
