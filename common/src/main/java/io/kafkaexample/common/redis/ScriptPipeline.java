package io.kafkaexample.common.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs many script calls in one pipeline: one round trip for a whole batch instead of one per call, in the
 * order given. Each call has an answer of its own, a reply or the error Redis gave for that call alone (a
 * script error); a failure of the whole pipeline (no connection, a timeout) is thrown, and then any call may
 * or may not have run. Calls that met NOSCRIPT (Redis restarted or was flushed) are run again, in their order,
 * in a second pipeline once their scripts are loaded; they then run after the calls that did not need it.
 */
public final class ScriptPipeline {

    private ScriptPipeline() {
    }

    /** One call: a script, its keys and its arguments. */
    public record Call(RedisScript script, List<String> keys, List<String> args) {
    }

    /** The answer to one call: its reply, or the error Redis gave for it. */
    public record Reply(Object value, JedisDataException error) {

        public boolean failed() {
            return error != null;
        }
    }

    /** One reply per call, in the order of {@code calls}; throws when the pipeline failed as a whole. */
    public static List<Reply> run(UnifiedJedis redis, List<Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<Reply> replies = send(redis, calls);
        List<Integer> missed = new ArrayList<>();
        Map<RedisScript, List<String>> toLoad = new LinkedHashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).error() instanceof JedisNoScriptException) {
                missed.add(i);
                // on a cluster a script is loaded on the node of a key it runs with
                toLoad.putIfAbsent(calls.get(i).script(), calls.get(i).keys());
            }
        }
        if (missed.isEmpty()) {
            return replies;
        }
        toLoad.forEach((script, keys) -> script.loadInto(redis, keys));
        List<Reply> again = send(redis, missed.stream().map(calls::get).toList());
        List<Reply> all = new ArrayList<>(replies);
        for (int i = 0; i < missed.size(); i++) {
            all.set(missed.get(i), again.get(i));
        }
        return all;
    }

    private static List<Reply> send(UnifiedJedis redis, List<Call> calls) {
        List<Response<Object>> responses = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Call call : calls) {
                responses.add(call.script().eval(pipeline, call.keys(), call.args()));
            }
            pipeline.sync();
        }
        List<Reply> replies = new ArrayList<>(responses.size());
        for (Response<Object> response : responses) {
            try {
                replies.add(new Reply(response.get(), null));
            } catch (JedisDataException e) {
                replies.add(new Reply(null, e));
            }
        }
        return replies;
    }
}
