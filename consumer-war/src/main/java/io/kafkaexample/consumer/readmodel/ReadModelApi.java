package io.kafkaexample.consumer.readmodel;

import io.kafkaexample.common.auth.Caller;
import io.kafkaexample.common.auth.CallerResolver;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.consumer.notifications.Notification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class ReadModelApi {

    @Inject
    ReadModel readModel;

    @Inject
    CallerResolver callers;

    @Query("user")
    @Description("A user of the read model, or null when no user.created for that id was consumed or the user was deleted. "
            + "Email and names only for the user itself or an administrator (a token of producer-svc)")
    public UserView user(@Name("id") @NonNull @Id String id) throws ClientError {
        Optional<Caller> caller = callers.current();
        boolean personal = caller.filter(c -> c.isAdmin() || c.id().equals(id)).isPresent();
        return readModel.user(id).map(fields -> new UserView(fields, personal)).orElse(null);
    }

    @Query("notifications")
    @Description("The latest consumed events, newest first (at most " + ReadModel.FEED_SIZE + "); "
            + "whose they are (userId, username) only for an administrator")
    public List<Notification> notifications(@Name("limit") @DefaultValue("20") int limit) throws ClientError {
        if (limit < 1 || limit > ReadModel.FEED_SIZE) {
            throw new ClientError("limit must be between 1 and " + ReadModel.FEED_SIZE);
        }
        boolean admin = callers.current().filter(Caller::isAdmin).isPresent();
        return readModel.feed(limit).stream().map(Notification::fromJson).map(n -> admin ? n : n.anonymous()).toList();
    }
}
