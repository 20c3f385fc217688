package io.kafkaexample.common.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script of a service, read once from {@code src/main/resources/redis/<name>.lua} and called by its
 * SHA-1 (EVALSHA), so a call sends the keys and arguments, not the script. A Redis that does not know the
 * script (restarted, flushed, failed over) answers NOSCRIPT: the script is loaded and the call made again.
 * Scripts are idempotent to load, so instances racing to load one do no harm.
 */
public final class RedisScript {

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script {@code redis/<name>.lua} on the class path of {@code owner}. */
    public static RedisScript load(Class<?> owner, String name) {
        String path = "/redis/" + name + ".lua";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no Redis script " + path + " beside " + owner.getName());
            }
            return new RedisScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Redis script " + path, e);
        }
    }

    public String name() {
        return name;
    }

    public String sha() {
        return sha;
    }

    /** Runs the script; loads it first if Redis does not know it. */
    public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
        return loadingOnMiss(redis, keys, () -> redis.evalsha(sha, keys, args));
    }

    /**
     * Queues a call in a pipeline. Its response fails with {@link JedisNoScriptException} if Redis did not
     * know the script: run the whole pipeline inside {@link #loadingOnMiss} to load and try once more.
     */
    public Response<Object> eval(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /** Runs {@code call}; if Redis answered NOSCRIPT, loads this script and runs {@code call} again. */
    public <T> T loadingOnMiss(UnifiedJedis redis, List<String> keys, Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisNoScriptException e) {
            loadInto(redis, keys);
            return call.get();
        }
    }

    /** Loads the script into Redis (on the node of the first key, where keys are spread over a cluster). */
    public void loadInto(UnifiedJedis redis, List<String> keys) {
        String loaded = keys.isEmpty() ? redis.scriptLoad(source) : redis.scriptLoad(source, keys.get(0));
        if (!sha.equals(loaded)) {
            throw new IllegalStateException("Redis loaded script " + name + " as " + loaded + ", expected " + sha);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "redis script " + name + " (" + sha + ")";
    }
}
