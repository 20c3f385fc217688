package io.kafkaexample.consumer.readmodel;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A user as the consumer learned it from the events")
public class UserView {

    private final Map<String, String> fields;
    private final boolean personal;

    /** {@code personal}: whether the caller may see the email and names (the user itself, an administrator). */
    public UserView(Map<String, String> fields, boolean personal) {
        this.fields = fields;
        this.personal = personal;
    }

    @Id
    public String getId() {
        return fields.get("id");
    }

    public String getUsername() {
        return fields.get("username");
    }

    @Description("Null unless the caller is this user or an administrator")
    public String getEmail() {
        return personal ? fields.get("email") : null;
    }

    @Description("Null unless the caller is this user or an administrator")
    public String getFirstName() {
        return personal ? fields.get("firstName") : null;
    }

    @Description("Null unless the caller is this user or an administrator")
    public String getLastName() {
        return personal ? fields.get("lastName") : null;
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
