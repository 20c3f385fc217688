package io.kafkaexample.consumer;

import io.kafkaexample.testsupport.ServiceSmokeTest;
import io.kafkaexample.testsupport.TestStack;

class ConsumerSmokeIT extends ServiceSmokeTest {

    @Override
    protected String baseUrl() {
        return TestStack.consumerUrl();
    }
}
