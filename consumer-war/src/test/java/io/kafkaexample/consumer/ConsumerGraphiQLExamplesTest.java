package io.kafkaexample.consumer;

import io.kafkaexample.testsupport.GraphiQLExamplesTest;
import java.util.List;

class ConsumerGraphiQLExamplesTest extends GraphiQLExamplesTest {

    @Override
    protected List<String> firstTitles() {
        return List.of("User", "Notifications");
    }
}
