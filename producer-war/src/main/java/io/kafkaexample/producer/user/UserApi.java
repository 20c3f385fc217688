package io.kafkaexample.producer.user;

import io.kafkaexample.common.auth.Caller;
import io.kafkaexample.common.auth.CallerResolver;
import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.graphql.PageLimit;
import io.kafkaexample.producer.role.Role;
import io.kafkaexample.producer.role.RoleStore;
import io.kafkaexample.producer.throttle.AuthThrottle;
import io.kafkaexample.producer.throttle.OneAuthFieldPerRequest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class UserApi {

    private static final Logger LOG = Logger.getLogger(UserApi.class.getName());
    static final int MAX_PAGE_SIZE = 100;

    @Inject
    UserStore users;

    @Inject
    RoleStore roles;

    @Inject
    UserRegistration registration;

    @Inject
    CallerResolver callers;

    @Inject
    AuthThrottle throttle;

    @Inject
    OneAuthFieldPerRequest oneAuthField;

    @Mutation("createUser")
    @Description("Signs up a user. Anyone may sign up as USER (a limited number per client address); another role needs an administrator's token.")
    public User createUser(@Name("input") @NonNull CreateUserInput input) throws ClientError {
        oneAuthField.claim("createUser");
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty() || !caller.get().isAdmin()) {
            throttle.countSignUp();
        }
        Role user = roles.byName(Roles.USER);
        Role role = input.getRoleId() == null ? user : roles.find(input.getRoleId())
                .orElseThrow(() -> new ClientError("there is no role with id " + input.getRoleId()));
        if (role.getId() != user.getId()) {
            Caller admin = callers.admin();
            Role own = roles.byName(admin.role());
            if (!own.mayGrant(role)) {
                throw new ClientError("your role " + own.getName() + " may not grant the more privileged role " + role.getName());
            }
        }
        StoredUser created = registration.register(input, role);
        caller.ifPresent(c -> LOG.info(() -> "user " + created.id() + " was created by user " + c.id()));
        return new User(created, role);
    }

    @Query("me")
    @Description("The caller, from the access token")
    public User me() throws ClientError {
        Caller caller = callers.required();
        return view(users.find(caller.id()).orElseThrow(() -> new ClientError("the user no longer exists")));
    }

    @Query("users")
    @Description("Every user, oldest first, a page at a time (administrators only)")
    public UserPage users(@Name("pagination") Pagination pagination) throws ClientError {
        callers.admin();
        Pagination page = pagination == null ? new Pagination() : pagination;
        PageLimit.checked("pagination.limit", page.getLimit(), MAX_PAGE_SIZE);
        if (page.getPage() < 1) {
            throw new ClientError("pagination.page starts at 1");
        }
        List<User> list = users.page((long) (page.getPage() - 1) * page.getLimit(), page.getLimit())
                .stream().map(this::view).toList();
        return new UserPage(list, users.count());
    }

    @Mutation("updateUser")
    @Description("Changes the caller's names or email; only the fields given change")
    public User updateUser(@Name("input") @NonNull UpdateUserInput input) throws ClientError {
        Caller caller = callers.required();
        StoredUser current = users.find(caller.id()).orElseThrow(() -> new ClientError("the user no longer exists"));
        Map<String, String> changes = new LinkedHashMap<>();
        if (input.getFirstName() != null) {
            changes.put("firstName", UserValidation.name("firstName", input.getFirstName()));
        }
        if (input.getLastName() != null) {
            changes.put("lastName", UserValidation.name("lastName", input.getLastName()));
        }
        if (input.getEmail() != null) {
            changes.put("email", UserValidation.email(input.getEmail()));
        }
        if (changes.isEmpty()) {
            throw new ClientError("nothing to change: give firstName, lastName or email");
        }
        users.update(current.id(), changes);
        LOG.info(() -> "user updated id=" + current.id() + " fields=" + changes.keySet());
        return me();
    }

    @Mutation("deleteUser")
    @Description("Deletes a user: the caller itself, or for an administrator anyone of a role it may grant; never the last SUPER_ADMIN")
    public boolean deleteUser(@Name("id") @Id String id) throws ClientError {
        Caller caller = callers.required();
        String target = id == null ? caller.id() : id;
        if (!target.equals(caller.id()) && !caller.isAdmin()) {
            throw new ClientError("only an administrator may delete another user");
        }
        StoredUser user = users.find(target).orElseThrow(() -> new ClientError("there is no user with id " + target));
        if (!target.equals(caller.id())) {
            Role own = roles.byName(caller.role());
            Role theirs = view(user).getRole();
            if (!own.mayGrant(theirs)) {
                throw new ClientError("your role " + own.getName() + " may not delete a user of the more privileged role " + theirs.getName());
            }
        }
        boolean deleted = users.delete(user);
        LOG.info(() -> "user deleted id=" + target + " by user " + caller.id());
        return deleted;
    }

    private User view(StoredUser stored) {
        return new User(stored, roles.find(stored.roleId()).orElse(new Role(stored.roleId(), "UNKNOWN", Integer.MAX_VALUE)));
    }
}
