package io.kafkaexample.retry.alert;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** An alert the webhook did not take (failing, slow, circuit open, queue full) is logged and dropped. */
public class AlertDropped implements FallbackHandler<CompletionStage<Void>> {

    private static final Logger LOG = Logger.getLogger(AlertDropped.class.getName());

    @Override
    public CompletionStage<Void> handle(ExecutionContext context) {
        LOG.warning(() -> "alert not delivered (" + context.getFailure() + "): " + context.getParameters()[0]);
        return CompletableFuture.completedFuture(null);
    }
}
