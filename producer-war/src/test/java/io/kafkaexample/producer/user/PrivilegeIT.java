package io.kafkaexample.producer.user;

import static io.kafkaexample.testsupport.UsersClient.ADMIN_PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.call;
import static io.kafkaexample.testsupport.UsersClient.createUserMutation;
import static io.kafkaexample.testsupport.UsersClient.data;
import static io.kafkaexample.testsupport.UsersClient.error;
import static io.kafkaexample.testsupport.UsersClient.login;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Attempts to gain or keep a privilege one should not have, each refused with a clear error and no change. */
class PrivilegeIT {

    @Test
    void anAdminCannotDeleteASuperAdminButMayDeleteAUser() {
        String adminId = data(call("{ me { id } }", adminToken()), "me").getString("id");
        String bossName = uniqueName("boss");
        data(call(createUserMutation(bossName, bossName + "@example.org", PASSWORD, 2), adminToken()), "createUser");
        String boss = login(bossName, PASSWORD).getString("token");

        assertEquals("your role ADMIN may not delete a user of the more privileged role SUPER_ADMIN",
                error(call("mutation { deleteUser(id: \"" + adminId + "\") }", boss)));
        assertEquals(adminId, data(call("{ me { id } }", adminToken()), "me").getString("id"), "admin is still there");

        String plain = signUp(uniqueName("plain"));
        assertTrue(call("mutation { deleteUser(id: \"" + plain + "\") }", boss).getJsonObject("data").getBoolean("deleteUser"));
    }

    @Test
    void theLastSuperAdminCannotDeleteItself() {
        assertEquals("the last SUPER_ADMIN cannot be deleted: create another SUPER_ADMIN first",
                error(call("mutation { deleteUser }", adminToken())));
        login("admin", ADMIN_PASSWORD);
    }

    @Test
    void nobodySignsUpAsAdminWhateverTheCase() {
        for (String name : new String[] {"admin", "Admin", "ADMIN"}) {
            assertEquals("the username '" + name + "' is reserved",
                    error(call(createUserMutation(name, uniqueName("a") + "@example.org", PASSWORD, null))));
        }
    }

    @Test
    void aDeletedUsersTokensAreRefusedAtOnce() {
        String username = uniqueName("gone");
        signUp(username);
        JsonObject tokens = login(username, PASSWORD);
        String other = login(username, PASSWORD).getString("token");
        assertTrue(call("mutation { deleteUser }", tokens.getString("token")).getJsonObject("data").getBoolean("deleteUser"));

        assertEquals("the user of this token no longer exists", error(call("{ me { id } }", other)),
                "an access token issued before the deletion dies with the user, not 15 minutes later");
        assertEquals("the user no longer exists",
                error(call("mutation { refreshToken(token: \"" + tokens.getString("refreshToken") + "\") { token } }")));
        signUp(username);
        assertEquals("the user of this token no longer exists", error(call("{ me { id } }", other)),
                "a new user of the same name does not revive the old one's tokens");
    }
}
