package io.kafkaexample.consumer;

import io.kafkaexample.testsupport.ServiceSmokeTest;
import io.kafkaexample.testsupport.TestStack;

class ConsumerSmokeIT extends ServiceSmokeTest {

    @Override
    protected String failingQuery() {
        return "{ notifications(limit: 0) { __typename } }";
    }

    @Override
    protected String baseUrl() {
        return TestStack.consumerUrl();
    }
}
