package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.batch.Batcher;
import io.kafkaexample.common.batch.Batchers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The three incoming channels. A message is taken at once into its channel's batch, which returns the next one
 * without waiting: the connector keeps up to its {@code unacked.limit} of them in flight. Each batch is applied
 * in one Redis round trip and acknowledged (its offsets committed) only after every record was applied or handed
 * to the retry service ({@link IngestBatch}). Never a nack: Liberty's connector stops the stream on one.
 */
@ApplicationScoped
public class EventConsumer {

    private static final CompletionStage<Void> TAKEN = CompletableFuture.completedFuture(null);

    @Inject
    Batchers batchers;

    @Inject
    IngestBatch batch;

    private Batcher<Message<byte[]>> users;
    private Batcher<Message<byte[]>> tokens;
    private Batcher<Message<byte[]>> redeliveries;

    @PostConstruct
    void start() {
        users = batchers.create(Channels.NEW_USER_CREATED, batch::apply);
        tokens = batchers.create(Channels.ISSUED_TOKEN, batch::apply);
        redeliveries = batchers.create(Channels.CONSUMER_SVC_REDELIVERY, batch::apply);
    }

    @Incoming(Channels.NEW_USER_CREATED)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> userCreated(Message<byte[]> message) {
        users.add(message);
        return TAKEN;
    }

    @Incoming(Channels.ISSUED_TOKEN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> tokenIssued(Message<byte[]> message) {
        tokens.add(message);
        return TAKEN;
    }

    @Incoming(Channels.CONSUMER_SVC_REDELIVERY)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> redelivered(Message<byte[]> message) {
        redeliveries.add(message);
        return TAKEN;
    }
}
