package io.kafkaexample.producer.user;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.producer.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * Users in Redis. Every write that changes who exists is one Lua script, so that uniqueness holds under
 * concurrent sign-ups and the {@code user.created} event enters the outbox in the same atomic step.
 *
 * <p>Keys: {@code producer:user:<id>} (hash), {@code producer:username:<lowercase>} and
 * {@code producer:email:<lowercase>} (id), {@code producer:users} (ids by creation time).
 */
@ApplicationScoped
public class UserStore {

    static final String USERS = "producer:users";

    // KEYS: username, email, user, users, outbox; ARGV: id, created millis, then outbox fields (8), then hash fields
    private static final String CREATE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 'username' end
            if redis.call('EXISTS', KEYS[2]) == 1 then return 'email' end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], ARGV[1])
            redis.call('HSET', KEYS[3], unpack(ARGV, 11))
            redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
            redis.call('XADD', KEYS[5], '*', unpack(ARGV, 3, 10))
            return 'ok'
            """;

    // KEYS: user, new email (or the old one); ARGV: id, old email key, then hash fields to set
    private static final String UPDATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
            local owner = redis.call('GET', KEYS[2])
            if owner and owner ~= ARGV[1] then return 'email' end
            if KEYS[2] ~= ARGV[2] then
              redis.call('DEL', ARGV[2])
              redis.call('SET', KEYS[2], ARGV[1])
            end
            if #ARGV > 2 then redis.call('HSET', KEYS[1], unpack(ARGV, 3)) end
            return 'ok'
            """;

    // KEYS: user, username, email, users, refresh-token set of the user; ARGV: id
    private static final String DELETE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for _, hash in ipairs(redis.call('SMEMBERS', KEYS[5])) do redis.call('DEL', 'producer:refresh:' .. hash) end
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[5])
            redis.call('ZREM', KEYS[4], ARGV[1])
            return 1
            """;

    @Inject
    RedisClient redis;

    /** Stores a new user and its {@code user.created} event, or says which unique field is taken. */
    public void create(StoredUser user, CloudEvent created) throws ClientError {
        List<String> args = new ArrayList<>(List.of(user.id(), Long.toString(user.createdAt().toEpochMilli())));
        args.addAll(Arrays.asList(Outbox.entry(Topics.NEW_USER_CREATED, user.id(), created)));
        user.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Object result = redis.eval(CREATE,
                List.of(usernameKey(user.username()), emailKey(user.email()), userKey(user.id()), USERS, Outbox.STREAM), args);
        switch (String.valueOf(result)) {
            case "ok" -> { }
            case "username" -> throw new ClientError("the username '" + user.username() + "' is taken");
            case "email" -> throw new ClientError("a user with the email '" + user.email() + "' exists already");
            default -> throw new IllegalStateException("unexpected answer of the create script: " + result);
        }
    }

    public Optional<StoredUser> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> hash = redis.hgetAll(userKey(id));
        return hash.isEmpty() ? Optional.empty() : Optional.of(StoredUser.fromHash(hash));
    }

    public Optional<StoredUser> findByUsername(String username) {
        return Optional.ofNullable(redis.get(usernameKey(username))).flatMap(this::find);
    }

    /** Sets the given fields; a new email must still be unique. */
    public void update(StoredUser current, String newEmail, Map<String, String> fields) throws ClientError {
        List<String> args = new ArrayList<>(List.of(current.id(), emailKey(current.email())));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Object result = redis.eval(UPDATE, List.of(userKey(current.id()), emailKey(newEmail)), args);
        switch (String.valueOf(result)) {
            case "ok" -> { }
            case "gone" -> throw new ClientError("the user " + current.id() + " no longer exists");
            case "email" -> throw new ClientError("a user with the email '" + newEmail + "' exists already");
            default -> throw new IllegalStateException("unexpected answer of the update script: " + result);
        }
    }

    public boolean delete(StoredUser user) {
        Object result = redis.eval(DELETE, List.of(userKey(user.id()), usernameKey(user.username()),
                emailKey(user.email()), USERS, refreshSetKey(user.id())), List.of(user.id()));
        return Long.valueOf(1).equals(result);
    }

    public long count() {
        return redis.zcard(USERS);
    }

    /** Users in the order they were created. */
    public List<StoredUser> page(long offset, int limit) {
        return redis.zrange(USERS, offset, offset + limit - 1).stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public static String userKey(String id) {
        return "producer:user:" + id;
    }

    /** The set of refresh-token hashes of a user, so that all can be revoked at once. */
    public static String refreshSetKey(String id) {
        return "producer:user-refresh:" + id;
    }

    private static String usernameKey(String username) {
        return "producer:username:" + username.toLowerCase(Locale.ROOT);
    }

    private static String emailKey(String email) {
        return "producer:email:" + email.toLowerCase(Locale.ROOT);
    }

}
