package io.kafkaexample.retry.engine;

/** The port that redelivers a claimed retry to its reply topic, without waiting for the broker. */
public interface Sender {

    /** Sends; exactly one of {@code outcome}'s methods runs once the broker answered (or the send failed at once). */
    void send(Claim.Claimed entry, Outcome outcome);

    interface Outcome {

        void sent();

        void failed(Exception error);
    }
}
