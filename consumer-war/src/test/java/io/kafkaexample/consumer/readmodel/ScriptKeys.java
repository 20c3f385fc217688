package io.kafkaexample.consumer.readmodel;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The keys and feed entries one test wrote, removed after it. The feed is shared with a consumer-svc
 * running on the same Redis, so only this test's entries leave it.
 */
final class ScriptKeys {

    private final List<String> keys = new ArrayList<>();
    private final List<String> feedEntries = new ArrayList<>();

    /** The script keys of this event, remembered for {@link #clean}. */
    List<String> of(String eventId, String userId) {
        List<String> eventKeys = ReadModel.keys(eventId, userId);
        keys.addAll(eventKeys.stream().filter(k -> !RedisKeys.FEED.equals(k)).toList());
        return eventKeys;
    }

    /** A feed entry of this test, remembered for {@link #clean}. */
    String feedEntry(String entry) {
        feedEntries.add(entry);
        return entry;
    }

    void clean(UnifiedJedis redis) {
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        feedEntries.forEach(entry -> redis.lrem(RedisKeys.FEED, 0, entry));
    }
}
