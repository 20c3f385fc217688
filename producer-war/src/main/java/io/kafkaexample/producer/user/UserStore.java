package io.kafkaexample.producer.user;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.outbox.OutboxEntry;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Users in Redis. Every write that changes who exists is one Lua script, so that uniqueness holds under
 * concurrent sign-ups and the {@code user.created} event enters the outbox in the same atomic step.
 * The keys are those of {@link RedisKeys}: the user hash, its username and email indexes, the users list.
 */
@ApplicationScoped
public class UserStore {

    private static final RedisScript CREATE = RedisScript.load(UserStore.class, "user-create");
    private static final RedisScript UPDATE = RedisScript.load(UserStore.class, "user-update");
    private static final RedisScript DELETE = RedisScript.load(UserStore.class, "user-delete");
    private static final RedisScript PASSWORD = RedisScript.load(UserStore.class, "user-password");
    private static final RedisScript CREDENTIAL = RedisScript.load(UserStore.class, "credential-version");
    /** Rounds of an update that keeps finding the email changed by another one, before it gives up. */
    private static final int UPDATE_ROUNDS = 50;

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisKeys keys;

    @Inject
    Outbox outbox;

    /**
     * Stores a new user, its credential version and its {@code user.created} event, or says which unique field
     * is taken. A SUPER_ADMIN is counted among those of which the last is never deleted.
     */
    public void create(StoredUser user, boolean superAdmin, CloudEvent created) throws ClientError {
        List<String> args = new ArrayList<>(List.of(user.id(), Long.toString(user.createdAt().toEpochMilli()),
                superAdmin ? "1" : "0"));
        user.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Object result = outbox.write(CREATE, List.of(keys.username(user.username()), keys.email(user.email()),
                keys.user(user.id()), keys.users(), keys.credential(user.id()), keys.superAdmins()), args, new OutboxEntry(Topics.NEW_USER_CREATED, user.id(), created));
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
        Map<String, String> hash = redis.hgetAll(keys.user(id));
        return hash.isEmpty() ? Optional.empty() : Optional.of(StoredUser.fromHash(hash));
    }

    public Optional<StoredUser> findByUsername(String username) {
        return Optional.ofNullable(redis.get(keys.username(username))).flatMap(this::find);
    }

    /**
     * Sets the given fields; an {@code email} among them moves the email index and must still be unique. If another
     * update changed the email since the user was read, the user is read again and the update made on that.
     */
    public void update(String id, Map<String, String> fields) throws ClientError {
        for (int round = 0; round < UPDATE_ROUNDS; round++) {
            StoredUser current = find(id).orElseThrow(() -> new ClientError("the user " + id + " no longer exists"));
            String newEmail = fields.getOrDefault("email", current.email());
            List<String> args = new ArrayList<>(List.of(id, current.email()));
            fields.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            Object result = UPDATE.eval(redis, List.of(keys.user(id), keys.email(newEmail), keys.email(current.email())), args);
            switch (String.valueOf(result)) {
                case "ok" -> {
                    return;
                }
                case "changed" -> { }
                case "gone" -> throw new ClientError("the user " + id + " no longer exists");
                case "email" -> throw new ClientError("a user with the email '" + newEmail + "' exists already");
                default -> throw new IllegalStateException("unexpected answer of the update script: " + result);
            }
        }
        throw new ClientError("the email of this user was being changed by other requests at the same time: try again");
    }

    /** The user's credential version (see CredentialVersions); empty when the user does not exist. */
    public Optional<Long> credentialVersion(String id) {
        Object version = CREDENTIAL.eval(redis, List.of(keys.user(id), keys.credential(id)), List.of());
        return version instanceof Long v ? Optional.of(v) : Optional.empty();
    }

    /**
     * Replaces the password hash the caller verified by a new one and raises the credential version in the
     * same step, so that every token issued before is refused from then on; returns the new version.
     */
    public long changePassword(StoredUser user, String newHash) throws ClientError {
        Object result = PASSWORD.eval(redis, List.of(keys.user(user.id()), keys.credential(user.id())),
                List.of(user.passwordHash(), newHash));
        return switch (String.valueOf(result)) {
            case "gone" -> throw new ClientError("the user no longer exists");
            case "changed" -> throw new ClientError("the password was changed by another request meanwhile: log in again");
            default -> (Long) result;
        };
    }

    /**
     * Deletes the user, its indexes and its credential version, which kills every token of the user, and queues its
     * {@code user.deleted}; false if it was gone already. The last SUPER_ADMIN is refused.
     */
    public boolean delete(StoredUser user) throws ClientError {
        Object result = outbox.write(DELETE, List.of(keys.user(user.id()), keys.username(user.username()),
                        keys.email(user.email()), keys.users(), keys.credential(user.id()), keys.superAdmins()), List.of(user.id()),
                new OutboxEntry(Topics.NEW_USER_CREATED, user.id(), UserEvents.userDeleted(user, Instant.now().truncatedTo(ChronoUnit.MILLIS))));
        if ("last-super-admin".equals(result)) {
            throw new ClientError("the last SUPER_ADMIN cannot be deleted: create another SUPER_ADMIN first");
        }
        return Long.valueOf(1).equals(result);
    }

    /** Counts an existing SUPER_ADMIN (stored before the set existed) among those protected. */
    public void markSuperAdmin(String id) {
        redis.sadd(keys.superAdmins(), id);
    }

    public long superAdminCount() {
        return redis.scard(keys.superAdmins());
    }

    public long count() {
        return redis.zcard(keys.users());
    }

    /** Users in the order they were created. */
    public List<StoredUser> page(long offset, int limit) {
        return redis.zrange(keys.users(), offset, offset + limit - 1).stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }
}
