package io.kafkaexample.consumer.readmodel;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A user as the consumer learned it from the events")
public class UserView {

    private final Map<String, String> fields;

    public UserView(Map<String, String> fields) {
        this.fields = fields;
    }

    @Id
    public String getId() {
        return fields.get("id");
    }

    public String getUsername() {
        return fields.get("username");
    }

    public String getEmail() {
        return fields.get("email");
    }

    public String getFirstName() {
        return fields.get("firstName");
    }

    public String getLastName() {
        return fields.get("lastName");
    }

    public String getRole() {
        return fields.get("role");
    }

    @Description("From user.created (RFC 3339)")
    public String getCreatedAt() {
        return fields.get("createdAt");
    }

    @Description("How many token.issued events named this user")
    public int getTokensIssued() {
        return Integer.parseInt(fields.getOrDefault("tokensIssued", "0"));
    }

    @Description("The latest token.issued time (RFC 3339), null before the first login")
    public String getLastLoginAt() {
        return fields.get("lastLoginAt");
    }
}
