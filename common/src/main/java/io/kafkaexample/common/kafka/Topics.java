package io.kafkaexample.common.kafka;

/**
 * The topics of the contract (docs/contract.md); kafka-docs/config/topics creates the same names. Each
 * service's Reactive Messaging channel that reads a topic carries the topic's name.
 */
public final class Topics {

    public static final String NEW_USER_CREATED = "new-user-created";
    public static final String ISSUED_TOKEN = "issued-token";
    public static final String SIDE_TOPIC_FOR_RETRY = "side-topic-for-retry";
    public static final String CONSUMER_SVC_REDELIVERY = "consumer-svc-redelivery";
    public static final String DEAD_LETTER_QUEUE = "dead-letter-queue";

    private Topics() {
    }
}
