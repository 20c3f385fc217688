package io.kafkaexample.producer;

import io.kafkaexample.testsupport.GraphiQLExamplesTest;
import java.util.List;

class ProducerGraphiQLExamplesTest extends GraphiQLExamplesTest {

    @Override
    protected List<String> firstTitles() {
        return List.of("SignUp", "Login", "Me", "RefreshToken");
    }
}
