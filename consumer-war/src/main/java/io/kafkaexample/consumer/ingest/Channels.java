package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.Topics;

/**
 * The incoming channels, each named after the topic it reads (microprofile-config.properties maps each
 * to its topic, group consumer-svc).
 */
public final class Channels {

    public static final String NEW_USER_CREATED = Topics.NEW_USER_CREATED;
    public static final String ISSUED_TOKEN = Topics.ISSUED_TOKEN;
    public static final String CONSUMER_SVC_REDELIVERY = Topics.CONSUMER_SVC_REDELIVERY;
    /** The consumer group of every channel, and the retry-group a failed record names. */
    public static final String GROUP = "consumer-svc";
    /** Where retry-war sends this group's records back when a retry is due: the redelivery channel's topic. */
    public static final String REPLY_TO = CONSUMER_SVC_REDELIVERY;

    private Channels() {
    }
}
