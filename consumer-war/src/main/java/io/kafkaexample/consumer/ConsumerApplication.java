package io.kafkaexample.consumer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST at the root: /ping and /notifications/stream (GraphQL and GraphiQL are servlets of their own). */
@ApplicationPath("/")
public class ConsumerApplication extends Application {
}
