package io.kafkaexample.common.graphql;

/** The bound on how many items one GraphQL list query may ask for. */
public final class PageLimit {

    /** The largest page of the retry service's lists (pending retries, dead letters). */
    public static final int MAX = 1000;

    private PageLimit() {
    }

    /** {@code limit} itself, or a client error naming the argument and the allowed range. */
    public static int checked(String argument, int limit, int max) throws ClientError {
        if (limit < 1 || limit > max) {
            throw new ClientError(argument + " must be between 1 and " + max);
        }
        return limit;
    }
}
