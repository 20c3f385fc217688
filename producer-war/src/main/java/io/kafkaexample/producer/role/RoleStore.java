package io.kafkaexample.producer.role;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Roles in Redis: a hash per role (name, accessLevel) and the names index (name to id), written together
 * by one script so that a name is never taken twice. The keys are those of {@link RedisKeys}.
 */
@ApplicationScoped
public class RoleStore {

    /** The roles of the original, with their ids and access levels. */
    static final List<Role> SEEDED = List.of(
            new Role(1, Roles.SUPER_ADMIN, 100), new Role(2, Roles.ADMIN, 110), new Role(3, Roles.COMPANY_ADMIN, 120),
            new Role(4, Roles.LOCATION_ADMIN, 130), new Role(5, Roles.USER, 200));
    private static final int FIRST_CREATED_ID = 100;

    private static final RedisScript PUT = RedisScript.load(RoleStore.class, "role-put");

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisKeys keys;

    public void seed() {
        for (Role role : SEEDED) {
            put(role);
        }
        redis.setnx(keys.roleSequence(), Integer.toString(FIRST_CREATED_ID));
    }

    public Role create(String name, int accessLevel) throws ClientError {
        if (redis.hexists(keys.roleNames(), name)) {
            throw new ClientError("a role named " + name + " exists already");
        }
        Role role = new Role((int) redis.incr(keys.roleSequence()), name, accessLevel);
        if (!put(role)) {
            throw new ClientError("a role named " + name + " exists already");
        }
        return role;
    }

    public Optional<Role> find(int id) {
        Map<String, String> hash = redis.hgetAll(keys.role(id));
        return hash.isEmpty() ? Optional.empty()
                : Optional.of(new Role(id, hash.get("name"), Integer.parseInt(hash.get("accessLevel"))));
    }

    public Role byName(String name) {
        String id = redis.hget(keys.roleNames(), name);
        return Optional.ofNullable(id).flatMap(i -> find(Integer.parseInt(i)))
                .orElseThrow(() -> new IllegalStateException("role " + name + " is not seeded"));
    }

    public List<Role> all() {
        List<Role> roles = new ArrayList<>();
        for (String id : redis.hvals(keys.roleNames())) {
            find(Integer.parseInt(id)).ifPresent(roles::add);
        }
        roles.sort(Comparator.comparingInt(Role::getAccessLevel).thenComparing(Role::getId));
        return roles;
    }

    private boolean put(Role role) {
        Object added = PUT.eval(redis, List.of(keys.roleNames(), keys.role(role.getId())),
                List.of(role.getName(), Integer.toString(role.getId()), Integer.toString(role.getAccessLevel())));
        return Long.valueOf(1).equals(added);
    }
}
