package io.kafkaexample.producer.throttle;

import io.kafkaexample.common.graphql.ClientError;
import jakarta.enterprise.context.RequestScoped;

/**
 * At most one login, refreshToken, changePassword or createUser per HTTP request, however many aliases the
 * document gives it: otherwise one request of 256 KB runs a thousand password checks or sign-ups.
 */
@RequestScoped
public class OneAuthFieldPerRequest {

    public static final String CODE = "one-auth-field-per-request";

    private String first;

    /** Lets the first such field of the request run and refuses every later one. */
    public void claim(String field) throws ClientError {
        if (first != null) {
            throw ClientError.coded(CODE, "only one login, refreshToken, changePassword or createUser per request (" + first
                    + " ran already): send each in a request of its own");
        }
        first = field;
    }
}
