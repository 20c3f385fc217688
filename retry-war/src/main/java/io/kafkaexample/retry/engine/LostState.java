package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * A retry whose state Redis lost (flushed, or restarted without persistence) while this instance held a job
 * with its record: the copy is redelivered without a claim (there is nothing left to claim), and if that send
 * fails it is dead-lettered, so it is never dropped. Its next failure starts a new state, counted on from the
 * record's {@code retry-attempts}.
 */
final class LostState {

    private static final Logger LOG = Logger.getLogger(LostState.class.getName());

    private final Sender sender;
    private final DeadLetters deadLetters;
    private final RetryEvents events;

    LostState(Sender sender, DeadLetters deadLetters, RetryEvents events) {
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.events = events;
    }

    void redeliver(Claim.Claimed copy) {
        LOG.warning(() -> "retry " + copy.id() + " (" + copy.originTopic() + ", key=" + copy.key() + ", attempt " + copy.attempts()
                + ") is gone from Redis (flushed, or restarted without persistence): redelivering the copy this instance kept");
        sender.send(copy, new Sender.Outcome() {
            @Override
            public void sent() {
                events.redelivered(copy.originTopic(), Duration.ZERO);
            }

            @Override
            public void failed(Exception error) {
                deadLetter(copy, Redelivery.describe(error));
            }
        });
    }

    private void deadLetter(Claim.Claimed copy, String cause) {
        String reason = "its retry state was lost from Redis and its redelivery to " + copy.replyTo() + " failed";
        try {
            deadLetters.publish(new DeadLetters.Letter(copy.id(), copy.originTopic(), copy.key(), copy.record(), copy.attempts(),
                    reason + ": " + cause));
            events.deadLettered(copy.originTopic());
        } catch (Exception e) {
            LOG.severe(() -> "retry " + copy.id() + " (" + copy.originTopic() + ", key=" + copy.key() + ") is lost: its state is gone"
                    + " from Redis, and neither its redelivery (" + cause + ") nor its dead letter (" + e + ") could be sent");
        }
    }
}
