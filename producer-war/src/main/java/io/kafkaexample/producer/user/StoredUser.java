package io.kafkaexample.producer.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A user as kept in Redis (the hash {@code RedisKeys.user(id)}); the only place the password hash lives. */
public record StoredUser(String id, String username, String email, String firstName, String lastName,
                         int roleId, String passwordHash, Instant createdAt) {

    public Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("username", username);
        hash.put("email", email);
        hash.put("firstName", firstName);
        hash.put("lastName", lastName);
        hash.put("roleId", Integer.toString(roleId));
        hash.put("passwordHash", passwordHash);
        hash.put("createdAt", createdAt.toString());
        return hash;
    }

    public static StoredUser fromHash(Map<String, String> hash) {
        return new StoredUser(hash.get("id"), hash.get("username"), hash.get("email"), hash.get("firstName"),
                hash.get("lastName"), Integer.parseInt(hash.get("roleId")), hash.get("passwordHash"),
                Instant.parse(hash.get("createdAt")));
    }
}
