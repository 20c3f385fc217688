package io.kafkaexample.producer.role;

import io.kafkaexample.common.auth.Caller;
import io.kafkaexample.common.auth.CallerResolver;
import io.kafkaexample.common.graphql.ClientError;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class RoleApi {

    private static final Logger LOG = Logger.getLogger(RoleApi.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    @Inject
    RoleStore roles;

    @Inject
    CallerResolver callers;

    @Query("roles")
    @Description("Every role, most privileged first")
    public List<Role> roles() {
        return roles.all();
    }

    @Mutation("createRole")
    @Description("Creates a role (administrators only; never more privileged than the caller's own role)")
    public Role createRole(@Name("input") @NonNull RoleInput input) throws ClientError {
        Caller caller = callers.admin();
        if (input.getName() == null || !NAME.matcher(input.getName()).matches()) {
            throw new ClientError("name must be 2 to 32 capital letters, digits or '_', starting with a letter");
        }
        if (input.getAccessLevel() < 1 || input.getAccessLevel() > 1000) {
            throw new ClientError("accessLevel must be between 1 and 1000");
        }
        Role own = roles.byName(caller.role());
        Role wanted = new Role(0, input.getName(), input.getAccessLevel());
        if (!own.mayGrant(wanted)) {
            throw new ClientError("accessLevel " + input.getAccessLevel() + " is more privileged than your role "
                    + own.getName() + " (" + own.getAccessLevel() + ")");
        }
        Role role = roles.create(input.getName(), input.getAccessLevel());
        LOG.info(() -> "role created id=" + role.getId() + " name=" + role.getName() + " by user " + caller.id());
        return role;
    }
}
