package io.kafkaexample.retry;

import io.kafkaexample.testsupport.ServiceSmokeTest;
import io.kafkaexample.testsupport.TestStack;

class RetrySmokeIT extends ServiceSmokeTest {

    @Override
    protected String failingQuery() {
        return "{ deadLetters(limit: 0) { id } }";
    }

    @Override
    protected FirstTab firstTab() {
        // PendingRetries as it is: whatever waits on this stack, an empty list included
        return new FirstTab(null, "\"pendingRetries\":[");
    }

    @Override
    protected String baseUrl() {
        return TestStack.retryUrl();
    }
}
