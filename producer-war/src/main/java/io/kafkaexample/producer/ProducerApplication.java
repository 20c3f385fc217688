package io.kafkaexample.producer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "producer-svc", version = "1.0",
        description = "Users API that publishes new-user-created and issued-token"))
public class ProducerApplication extends Application {
}
