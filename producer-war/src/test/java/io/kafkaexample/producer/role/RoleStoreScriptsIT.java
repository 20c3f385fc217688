package io.kafkaexample.producer.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;

/** The role-put script through RoleStore, against a real Redis. RoleStore removes no role: there is no remove rule. */
@OnEveryTestRedis
class RoleStoreScriptsIT {

    @Parameter
    TestRedis target;

    private TestKeyspace space;
    private UnifiedJedis redis;
    private RedisKeys keys;
    private RoleStore store;

    @BeforeEach
    void connect() {
        space = new TestKeyspace(target);
        redis = space.redis();
        keys = space.keys();
        store = new RoleStore();
        store.redis = redis;
        store.keys = keys;
    }

    @AfterEach
    void clean() {
        space.close();
    }

    @Test
    void seedingTwiceKeepsTheOriginalRolesAndCreatedRolesNumberAfterThem() throws ClientError {
        store.seed();
        store.seed();
        assertEquals(List.of(1, 2, 3, 4, 5), store.all().stream().map(Role::getId).toList());
        assertEquals(5, store.byName(Roles.USER).getId());
        assertEquals(200, store.byName(Roles.USER).getAccessLevel());

        Role auditor = store.create("AUDITOR", 150);
        assertEquals(101, auditor.getId());
        assertEquals(150, store.find(101).orElseThrow().getAccessLevel());
        assertEquals(List.of(1, 2, 3, 4, 101, 5), store.all().stream().map(Role::getId).toList(), "by access level");
        assertEquals(102, store.create("AUDITOR_2", 150).getId());
    }

    @Test
    void aTakenNameIsRefusedAndTheFirstRoleKeepsIt() throws ClientError {
        store.seed();
        store.create("AUDITOR", 150);
        assertEquals("a role named AUDITOR exists already",
                assertThrows(ClientError.class, () -> store.create("AUDITOR", 160)).getMessage());
        assertEquals("a role named USER exists already",
                assertThrows(ClientError.class, () -> store.create(Roles.USER, 90)).getMessage());
        assertEquals(150, store.byName("AUDITOR").getAccessLevel());
        assertEquals(200, store.byName(Roles.USER).getAccessLevel());
    }

    @Test
    void theScriptWritesNeitherTheNameNorTheRoleWhenTheNameIsTaken() {
        RedisScript put = RedisScript.load(RoleStore.class, "role-put");
        assertEquals(1L, put.eval(redis, List.of(keys.roleNames(), keys.role(900)), List.of("RACER", "900", "300")));
        assertEquals(0L, put.eval(redis, List.of(keys.roleNames(), keys.role(901)), List.of("RACER", "901", "310")));
        assertEquals(Map.of("RACER", "900"), redis.hgetAll(keys.roleNames()));
        assertEquals(Map.of("id", "900", "name", "RACER", "accessLevel", "300"), redis.hgetAll(keys.role(900)));
        assertFalse(redis.exists(keys.role(901)));
    }
}
