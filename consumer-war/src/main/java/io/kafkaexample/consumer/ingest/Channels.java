package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.Topics;

/** The incoming channels (microprofile-config.properties maps each to its topic, group consumer-svc). */
public final class Channels {

    public static final String NEW_USER_CREATED = "new-user-created";
    public static final String ISSUED_TOKEN = "issued-token";
    public static final String REDELIVERY = "redelivery";
    /** The consumer group of every channel, and the retry-group a failed record names. */
    public static final String GROUP = "consumer-svc";
    /** Where retry-war sends this group's records back when a retry is due. */
    public static final String REPLY_TO = Topics.CONSUMER_SVC_REDELIVERY;

    private Channels() {
    }
}
