package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedeliveryTest {

    private final Instances instances = new Instances();
    private final ManualTime time = instances.time;

    /**
     * The consumer that always fails: each redelivery comes back as its next failure, on a side-topic partition of
     * its own (by id): even ids are a's to read, odd ones b's. A dead instance's partitions go to the other only
     * after the group's session timeout, here 20 s, longer than the lease.
     */
    private int consumed;
    private final List<FakeSender.Sent> waiting = new java.util.ArrayList<>();
    private final Map<String, Long> failedAt = new HashMap<>();
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(20);

    private void failEveryRedeliveryAgain(Instances.Instance a, Instances.Instance b, boolean rebalanced) throws Exception {
        waiting.addAll(instances.delivered.subList(consumed, instances.delivered.size()));
        consumed = instances.delivered.size();
        for (FakeSender.Sent sent : List.copyOf(waiting)) {
            boolean ofA = Integer.parseInt(sent.id().substring(1)) % 2 == 0;
            Instances.Instance reader = !ofA ? b : instances.all.contains(a) ? a : rebalanced ? b : null;
            if (reader != null) {
                waiting.remove(sent);
                accept(reader, sent.id(), sent.attempts() + 1, "side-r@" + sent.id() + "-" + sent.attempts());
            }
        }
    }

    private void accept(Instances.Instance through, String id, int attempts, String side) throws Exception {
        failedAt.put(id + "#" + attempts, time.now());
        through.intake.accept(Instances.failure(id, attempts, side));
    }

    /** {@code sendsLanded}: the broker had taken the sends in flight when the instance died (nobody recorded them). */
    @ParameterizedTest(name = "sends in flight landed: {0}")
    @ValueSource(booleans = {false, true})
    void twoInstancesRedeliverEachAttemptOnceAndDeadLetterOnceNeverEarlyWhenOneDiesHalfWay(boolean sendsLanded) throws Exception {
        Instances.Instance a = instances.start("a");
        Instances.Instance b = instances.start("b");
        for (int i = 0; i < 200; i++) {
            accept(i % 2 == 0 ? a : b, "m" + i, 1, "side-0@" + i);
        }
        long diedAt = Long.MAX_VALUE;
        for (int step = 0; step < 600; step++) {
            if (step == 25) {
                // a dies with sends in flight: its jobs are gone, its claims wait for their lease
                a.sender.hold();
            }
            if (step == 35) {
                if (sendsLanded) {
                    a.sender.landThenCrash();
                } else {
                    a.sender.crash();
                }
                a.redelivery.stop();
                instances.all.remove(a);
                diedAt = time.now();
            }
            instances.all.forEach(i -> i.redelivery.sweep());
            failEveryRedeliveryAgain(a, b, time.now() >= diedAt + SESSION_TIMEOUT.toMillis());
            time.advance(Duration.ofMillis(100));
        }

        for (int i = 0; i < 200; i++) {
            String id = "m" + i;
            assertEquals(List.of(1, 2, 3), instances.attemptsSent(id), id + ": each attempt redelivered exactly once");
            assertEquals(1, instances.deadLetters.of(id), id + ": one dead letter");
        }
        for (FakeSender.Sent sent : instances.delivered) {
            long due = failedAt.get(sent.id() + "#" + sent.attempts()) + Instances.POLICY.delayBefore(sent.attempts(), () -> 0).toMillis();
            assertTrue(sent.at() >= due, sent + " redelivered " + (due - sent.at()) + " ms early");
        }
        assertTrue(instances.delivered.stream().anyMatch(s -> s.owner().equals("a")), "a redelivered some before it died");
        assertTrue(instances.landed.reads > 0, "b read the reply topic back before it sent a's claims again");
    }

    /** m1 is due after 1 s; its send waits 8 s for a broker that does not answer, the longest a send takes. */
    private Instances.Instance firstSendOfM1HeldEightSeconds() throws Exception {
        Instances.Instance a = instances.start("a");
        accept(a, "m1", 1, "side-0@1");
        a.sender.hold();
        instances.run(Duration.ofMillis(1100), Duration.ofMillis(100));
        time.advance(Duration.ofSeconds(8));
        return a;
    }

    @Test
    void aSendTheProducerGaveUpOnButTheBrokerAppendedLaterIsFoundNotSentAgain() throws Exception {
        Instances.Instance a = firstSendOfM1HeldEightSeconds();
        a.sender.timeOutThenLand();
        instances.run(Duration.ofSeconds(20), Duration.ofMillis(100));

        assertEquals(List.of(1), instances.attemptsSent("m1"), "one redelivery, though its send was counted as failed");
        assertEquals(1, a.sender.sendCalls);
        assertEquals("redelivered", instances.state.stateOf("m1"));
    }

    @Test
    void anAttemptClaimedBeforeIsNeverSentBlindAReplyTopicThatCannotBeReadBackCountsAsAFailedSend() throws Exception {
        Instances.Instance a = firstSendOfM1HeldEightSeconds();
        a.sender.timeOut();
        instances.landed.unreadable = true;
        instances.run(Duration.ofSeconds(60), Duration.ofMillis(100));

        assertEquals(1, a.sender.sendCalls, "not sent again while it is unknown whether the first send landed");
        assertEquals(1, instances.deadLetters.of("m1"), "dead-lettered after the bound, not looping");
        assertTrue(instances.deadLetters.letters.get(0).reason().contains("could not be read back"), instances.deadLetters.letters.get(0).reason());
        assertEquals("dead-lettered", instances.state.stateOf("m1"));
    }

    @Test
    void aStalledBrokerThatFailsTheSendWithinTheLeaseLeavesTheClaimWithItsInstanceAndOneRedelivery() throws Exception {
        Instances.Instance a = instances.start("a");
        Instances.Instance b = instances.start("b");
        accept(a, "m1", 1, "side-0@1");
        a.sender.hold();
        instances.run(Duration.ofMillis(1100), Duration.ofMillis(100));
        assertEquals(1, a.sender.sendCalls, "a claimed and sent");

        // the producer gives up within its longest send (8 s), inside the 12 s lease
        time.advance(Duration.ofSeconds(8));
        b.redelivery.sweep();
        assertEquals(0, b.sender.sendCalls, "the lease still holds: b must not send");
        a.sender.timeOut();
        instances.run(Duration.ofSeconds(20), Duration.ofMillis(100));

        assertEquals(List.of(1), instances.attemptsSent("m1"));
        assertEquals("redelivered", instances.state.stateOf("m1"));
    }

    @Test
    void anAnswerThatArrivesAfterTheClaimWasTakenOverNeitherSettlesNorReleasesIt() {
        Instances.Instance a = instances.start("a");
        Instances.Instance b = instances.start("b");
        instances.state.register(Instances.failure("m1", 1, "side-0@1"), Duration.ofHours(1));
        instances.state.schedule("m1", Duration.ZERO, "record-m1", Duration.ofHours(1));
        a.sender.hold();
        a.redelivery.sweep();
        // Redis's clock jumps past the lease (a failover to a node whose clock is ahead): b takes the entry over
        time.jump(Duration.ofSeconds(13));
        b.sender.hold();
        b.redelivery.sweep();
        assertEquals("b", instances.state.entries.get("m1").claimedBy);

        a.sender.timeOut();
        assertEquals("claimed", instances.state.stateOf("m1"), "a's late failure must not put b's claim back");
        assertEquals("b", instances.state.entries.get("m1").claimedBy);
        instances.run(Duration.ofSeconds(2), Duration.ofMillis(100));
        assertEquals(1, a.sender.sendCalls, "no third send");
        assertEquals(1, b.sender.sendCalls, "no third send");

        b.sender.release();
        assertEquals("redelivered", instances.state.stateOf("m1"));
        assertEquals(List.of(1), instances.attemptsSent("m1"));
    }

    @Test
    void aClaimHeldTooLongForAWholeSendIsPutBackNotSent() {
        Instances.Instance a = instances.start("a");
        for (String id : List.of("m1", "m2", "m3")) {
            instances.state.register(Instances.failure(id, 1, "side-0@" + id), Duration.ofHours(1));
            instances.state.schedule(id, Duration.ZERO, "record-" + id, Duration.ofHours(1));
        }
        // the first send blocks the sweep's thread for 5 s: 5 + 8 + 2 s would outlast the 12 s lease
        a.sender.duringSend = () -> {
            a.clock.stall(Duration.ofSeconds(5));
            a.sender.duringSend = () -> { };
        };
        a.redelivery.sweep();
        assertEquals(1, a.sender.sendCalls);
        assertEquals(1, instances.delivered.size());

        instances.run(Duration.ofSeconds(3), Duration.ofMillis(100));
        assertEquals(Set.of("m1", "m2", "m3"), Set.copyOf(instances.delivered.stream().map(FakeSender.Sent::id).toList()));
        assertEquals(3, instances.delivered.size(), "each once");
    }

    @Test
    void failedSendsAreCountedAndTheMessageIsDeadLetteredAfterTheBoundNeverDropped() throws Exception {
        Instances.Instance a = instances.start("a");
        a.sender.unreachable.add(Instances.REPLY_TO);
        instances.deadLetters.down = true;
        accept(a, "m1", 1, "side-0@1");

        instances.run(Duration.ofSeconds(60), Duration.ofMillis(100));
        assertEquals(0, instances.deadLetters.of("m1"), "the dead-letter queue is down too");
        assertTrue(instances.state.schedule.containsKey("m1"), "still on the schedule: never dropped");

        instances.deadLetters.down = false;
        instances.run(Duration.ofSeconds(30), Duration.ofMillis(100));
        assertEquals(1, instances.deadLetters.of("m1"));
        assertTrue(instances.deadLetters.letters.get(0).reason()
                .startsWith("could not be redelivered to consumer-svc-redelivery in "), instances.deadLetters.letters.get(0).reason());
        assertEquals("dead-lettered", instances.state.stateOf("m1"));
        assertEquals(List.of(), instances.attemptsSent("m1"));
    }

    @Test
    void aSendFailureIsTriedAgainAfterItsWaitAndCountsOnlyForItsAttempt() throws Exception {
        Instances.Instance a = instances.start("a");
        a.sender.unreachable.add(Instances.REPLY_TO);
        accept(a, "m1", 1, "side-0@1");
        instances.run(Duration.ofMillis(2500), Duration.ofMillis(100));
        assertEquals(2, instances.state.entries.get("m1").sendFailures, "failed at 1 s, again 1 s later");

        a.sender.unreachable.clear();
        instances.run(Duration.ofSeconds(5), Duration.ofMillis(100));
        assertEquals(List.of(1), instances.attemptsSent("m1"));
        assertEquals(0, instances.deadLetters.of("m1"));
    }

    @Test
    void aReplyTopicThatFailedIsNotTriedForEveryOtherEntryOfTheBatch() {
        Instances.Instance a = instances.start("a");
        a.sender.unreachable.add(Instances.REPLY_TO);
        for (int i = 0; i < 50; i++) {
            instances.state.register(Instances.failure("m" + i, 1, "side-0@" + i), Duration.ofHours(1));
            instances.state.schedule("m" + i, Duration.ZERO, "record", Duration.ofHours(1));
        }
        a.redelivery.sweep();

        assertEquals(1, a.sender.sendCalls, "one send waits for the missing topic, not fifty");
        assertEquals(50, instances.state.schedule.size(), "all back on the schedule");
    }

    @Test
    void onlyRetriesDueWithinTheHorizonHaveJobsAndOneSweepDrainsEveryFullBatch() throws Exception {
        EngineSettings s = Instances.SETTINGS;
        Instances.Instance a = instances.start("a", new EngineSettings(s.policy(), s.replyTopics(), s.lease(), s.maxSendTime(),
                s.sweepInterval(), Duration.ofSeconds(2), s.maxSendFailures(), s.stateTtl()));
        // 1,200 overdue retries of an instance that is gone, so none has a job anywhere
        for (int i = 0; i < 1200; i++) {
            instances.state.register(Instances.failure("old" + i, 1, "side-0@" + i), Duration.ofHours(1));
            instances.state.schedule("old" + i, Duration.ZERO, "record", Duration.ofHours(1));
        }
        a.redelivery.sweep();
        assertEquals(1200, instances.delivered.size(), "three batches of 500 in one sweep");

        // due in 1 s, within the 2 s horizon: a job; due in 4 s (a third attempt's backoff): none until a sweep
        accept(a, "soon", 1, "side-1@1");
        accept(a, "later", 3, "side-1@2");
        assertEquals(1, a.redelivery.jobCount());
        instances.run(Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertEquals(1, a.redelivery.jobCount(), "'later' is within the horizon now");
        instances.run(Duration.ofSeconds(6), Duration.ofSeconds(1));
        assertEquals(List.of(3), instances.attemptsSent("later"));
        assertEquals(0, a.redelivery.jobCount());
    }

    @Test
    void aRetryWhoseStateRedisLostIsRedeliveredFromTheCopyItsInstanceKept() throws Exception {
        Instances.Instance a = instances.start("a");
        accept(a, "m1", 1, "side-0@1");
        // Redis flushed, or restarted without persistence
        instances.state.entries.clear();
        instances.state.schedule.clear();

        instances.run(Duration.ofSeconds(3), Duration.ofMillis(100));
        assertEquals(List.of(1), instances.attemptsSent("m1"));
    }

    @Test
    void aLostRetryWhoseCopyCannotBeSentIsDeadLetteredNotDropped() throws Exception {
        Instances.Instance a = instances.start("a");
        a.sender.unreachable.add(Instances.REPLY_TO);
        accept(a, "m1", 1, "side-0@1");
        instances.state.entries.clear();
        instances.state.schedule.clear();

        instances.run(Duration.ofSeconds(3), Duration.ofMillis(100));
        assertEquals(1, instances.deadLetters.of("m1"));
        assertTrue(instances.deadLetters.letters.get(0).reason().startsWith("its retry state was lost from Redis"));
    }
}
