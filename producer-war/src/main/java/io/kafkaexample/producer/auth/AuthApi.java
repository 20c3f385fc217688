package io.kafkaexample.producer.auth;

import io.kafkaexample.common.auth.Caller;
import io.kafkaexample.common.auth.CallerResolver;
import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.password.PasswordHasher;
import io.kafkaexample.producer.password.PasswordPolicy;
import io.kafkaexample.producer.role.RoleStore;
import io.kafkaexample.producer.throttle.AuthThrottle;
import io.kafkaexample.producer.throttle.OneAuthFieldPerRequest;
import io.kafkaexample.producer.user.StoredUser;
import io.kafkaexample.producer.user.UserStore;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Logging in, refreshing and changing a password. Each token issued publishes {@code token.issued}. */
@GraphQLApi
public class AuthApi {

    private static final Logger LOG = Logger.getLogger(AuthApi.class.getName());
    private static final String WRONG_CREDENTIALS = "wrong username or password";

    @Inject
    UserStore users;

    @Inject
    RoleStore roles;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    CallerResolver callers;

    @Inject
    AuthThrottle throttle;

    @Inject
    OneAuthFieldPerRequest oneAuthField;

    @Mutation("login")
    @Description("Exchanges a username and password for an access token (15 min) and a refresh token")
    public Tokens login(@Name("username") @NonNull String username, @Name("password") @NonNull String password) throws ClientError {
        oneAuthField.claim("login");
        throttle.checkLogin(username);
        StoredUser user = users.findByUsername(username.strip()).orElse(null);
        if (user == null) {
            hasher.verifyNobody(password.toCharArray());
            throttle.loginFailed(username);
            LOG.info(() -> "login failed: no user named " + printable(username));
            throw new ClientError(WRONG_CREDENTIALS);
        }
        if (!hasher.verify(password.toCharArray(), user.passwordHash())) {
            throttle.loginFailed(username);
            LOG.info(() -> "login failed: wrong password for user " + user.id());
            throw new ClientError(WRONG_CREDENTIALS);
        }
        throttle.loginSucceeded(username);
        long credential = users.credentialVersion(user.id()).orElseThrow(() -> new ClientError(WRONG_CREDENTIALS));
        IssuedToken access = issuer.issue(user, roleName(user), credential);
        String refresh = refreshTokens.issue(user.id(), credential, TokenEvents.tokenIssued(user, access));
        LOG.info(() -> "login user=" + user.id() + " token=" + access.tokenId());
        return new Tokens(access.token(), refresh);
    }

    @Mutation("refreshToken")
    @Description("Trades a refresh token for new tokens; the refresh token given is dead afterwards")
    public Tokens refreshToken(@Name("token") @NonNull String token) throws ClientError {
        oneAuthField.claim("refreshToken");
        RefreshTokens.Stored used = refreshTokens.find(token).orElseThrow(() -> new ClientError(RefreshTokens.EXPIRED));
        StoredUser user = users.find(used.userId()).orElseThrow(() -> new ClientError("the user no longer exists"));
        long credential = users.credentialVersion(user.id()).orElseThrow(() -> new ClientError("the user no longer exists"));
        if (credential != used.credential()) {
            throw new ClientError(RefreshTokens.REVOKED);
        }
        IssuedToken access = issuer.issue(user, roleName(user), credential);
        CloudEvent issued = TokenEvents.tokenIssued(user, access);
        String refresh = refreshTokens.rotate(used, token, credential, issued);
        LOG.info(() -> "token refreshed user=" + user.id() + " token=" + access.tokenId());
        return new Tokens(access.token(), refresh);
    }

    @Mutation("changePassword")
    @Description("Changes the caller's password; every token of the caller issued before, access or refresh, is revoked")
    public boolean changePassword(@Name("oldPassword") @NonNull String oldPassword,
                                  @Name("newPassword") @NonNull String newPassword) throws ClientError {
        oneAuthField.claim("changePassword");
        Caller caller = callers.required();
        StoredUser user = users.find(caller.id()).orElseThrow(() -> new ClientError("the user no longer exists"));
        throttle.checkLogin(user.username());
        if (!hasher.verify(oldPassword.toCharArray(), user.passwordHash())) {
            throttle.loginFailed(user.username());
            throw new ClientError("the old password is wrong");
        }
        if (oldPassword.equals(newPassword)) {
            throw new ClientError("the new password must differ from the old one");
        }
        String weakness = PasswordPolicy.weakness(newPassword, user.username()).orElse(null);
        if (weakness != null) {
            throw new ClientError(weakness);
        }
        long credential = users.changePassword(user, hasher.hash(newPassword.toCharArray()));
        LOG.info(() -> "password changed user=" + user.id() + ": tokens of credential versions below " + credential + " revoked");
        return true;
    }

    private String roleName(StoredUser user) {
        return roles.find(user.roleId()).map(r -> r.getName()).orElseThrow(
                () -> new IllegalStateException("user " + user.id() + " has the unknown role " + user.roleId()));
    }

    /** A username as typed, safe for one log line. */
    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
