package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.graphql.ClientError;

/** A dead letter's id: its partition and offset in {@code dead-letter-queue}, as {@code <partition>-<offset>}. */
public record DeadLetterId(int partition, long offset) {

    public static String of(int partition, long offset) {
        return partition + "-" + offset;
    }

    public static DeadLetterId parse(String id) throws ClientError {
        String[] parts = id == null ? new String[0] : id.trim().split("-");
        try {
            if (parts.length == 2) {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition >= 0 && offset >= 0) {
                    return new DeadLetterId(partition, offset);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ClientError("'" + id + "' is not a dead letter id: expected <partition>-<offset>, such as 3-42");
    }

    @Override
    public String toString() {
        return of(partition, offset);
    }
}
