package io.kafkaexample.retry;

import io.kafkaexample.testsupport.GraphiQLExamplesTest;
import java.util.List;

class RetryGraphiQLExamplesTest extends GraphiQLExamplesTest {

    @Override
    protected List<String> firstTitles() {
        return List.of("PendingRetries", "DeadLetters", "RetryStats", "ReplayDeadLetters");
    }
}
