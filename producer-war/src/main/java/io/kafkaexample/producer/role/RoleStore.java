package io.kafkaexample.producer.role;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * Roles in Redis: {@code producer:role:<id>} (name, accessLevel) and {@code producer:role-names} (name to
 * id), written together by one script so that a name is never taken twice.
 */
@ApplicationScoped
public class RoleStore {

    static final String NAMES = "producer:role-names";
    static final String SEQUENCE = "producer:role-seq";
    /** The roles of the original, with their ids and access levels. */
    static final List<Role> SEEDED = List.of(
            new Role(1, Roles.SUPER_ADMIN, 100), new Role(2, Roles.ADMIN, 110), new Role(3, Roles.COMPANY_ADMIN, 120),
            new Role(4, Roles.LOCATION_ADMIN, 130), new Role(5, Roles.USER, 200));
    private static final int FIRST_CREATED_ID = 100;

    // KEYS: names hash, role hash; ARGV: name, id, accessLevel
    private static final String PUT = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], 'id', ARGV[2], 'name', ARGV[1], 'accessLevel', ARGV[3])
            return 1
            """;

    @Inject
    RedisClient redis;

    public void seed() {
        for (Role role : SEEDED) {
            put(role);
        }
        redis.setnx(SEQUENCE, Integer.toString(FIRST_CREATED_ID));
    }

    public Role create(String name, int accessLevel) throws ClientError {
        if (redis.hexists(NAMES, name)) {
            throw new ClientError("a role named " + name + " exists already");
        }
        Role role = new Role((int) redis.incr(SEQUENCE), name, accessLevel);
        if (!put(role)) {
            throw new ClientError("a role named " + name + " exists already");
        }
        return role;
    }

    public Optional<Role> find(int id) {
        Map<String, String> hash = redis.hgetAll(key(id));
        return hash.isEmpty() ? Optional.empty()
                : Optional.of(new Role(id, hash.get("name"), Integer.parseInt(hash.get("accessLevel"))));
    }

    public Role byName(String name) {
        String id = redis.hget(NAMES, name);
        return Optional.ofNullable(id).flatMap(i -> find(Integer.parseInt(i)))
                .orElseThrow(() -> new IllegalStateException("role " + name + " is not seeded"));
    }

    public List<Role> all() {
        List<Role> roles = new ArrayList<>();
        for (String id : redis.hvals(NAMES)) {
            find(Integer.parseInt(id)).ifPresent(roles::add);
        }
        roles.sort(Comparator.comparingInt(Role::getAccessLevel).thenComparing(Role::getId));
        return roles;
    }

    private boolean put(Role role) {
        Object added = redis.eval(PUT, List.of(NAMES, key(role.getId())),
                List.of(role.getName(), Integer.toString(role.getId()), Integer.toString(role.getAccessLevel())));
        return Long.valueOf(1).equals(added);
    }

    private static String key(int id) {
        return "producer:role:" + id;
    }
}
