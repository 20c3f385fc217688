package io.kafkaexample.retry.engine;

import java.time.Duration;

/** The port the engine reports its outcomes to, for metrics. */
public interface RetryEvents {

    void scheduled(String originTopic);

    void redelivered(String originTopic, Duration lateness);

    void deadLettered(String originTopic);
}
