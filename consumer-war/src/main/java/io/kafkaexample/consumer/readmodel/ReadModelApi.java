package io.kafkaexample.consumer.readmodel;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.consumer.notifications.Notification;
import jakarta.inject.Inject;
import java.util.List;
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

    @Query("user")
    @Description("A user of the read model, or null when no user.created for that id was consumed")
    public UserView user(@Name("id") @NonNull @Id String id) {
        return readModel.user(id).map(UserView::new).orElse(null);
    }

    @Query("notifications")
    @Description("The latest consumed events, newest first (at most " + ReadModel.FEED_SIZE + ")")
    public List<Notification> notifications(@Name("limit") @DefaultValue("20") int limit) throws ClientError {
        if (limit < 1 || limit > ReadModel.FEED_SIZE) {
            throw new ClientError("limit must be between 1 and " + ReadModel.FEED_SIZE);
        }
        return readModel.feed(limit).stream().map(Notification::fromJson).toList();
    }
}
