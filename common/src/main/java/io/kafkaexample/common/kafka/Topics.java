package io.kafkaexample.common.kafka;

import java.util.List;

/** The topics of the contract (../shared/DESIGN.md); kafka-docs/config/topics lists the same names. */
public final class Topics {

    public static final String NEW_USER_CREATED = "new-user-created";
    public static final String ISSUED_TOKEN = "issued-token";
    public static final String SIDE_TOPIC_FOR_RETRY = "side-topic-for-retry";
    public static final String CONSUMER_SVC_REDELIVERY = "consumer-svc-redelivery";
    public static final String DEAD_LETTER_QUEUE = "dead-letter-queue";

    public static final List<String> ALL = List.of(
            NEW_USER_CREATED, ISSUED_TOKEN, SIDE_TOPIC_FOR_RETRY, CONSUMER_SVC_REDELIVERY, DEAD_LETTER_QUEUE);

    private Topics() {
    }
}
