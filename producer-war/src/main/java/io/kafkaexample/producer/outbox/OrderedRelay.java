package io.kafkaexample.producer.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes a batch of outbox entries so that no entry overtakes an earlier one of its topic and key, whatever
 * fails: the batch goes out in waves, the first entry of each key, then the second, and so on, each wave
 * awaited as a whole, and an entry is sent only once the entry before it of its key was acknowledged. An entry
 * that failed holds back the rest of its key for the next round. A send that fails before it leaves (no
 * metadata within max.block: the broker is not there) ends the batch at once instead of making every other send
 * wait as long.
 */
final class OrderedRelay {

    private OrderedRelay() {
    }

    /** What a batch published: the entries the broker acknowledged, and the first failure, if any. */
    record Result<E>(List<E> published, Optional<Exception> failure) {
    }

    /** An entry to publish: its own handle (the stream entry) and its record. */
    record Entry<E>(E handle, ProducerRecord<byte[], byte[]> record) {

        String orderKey() {
            return record.topic() + '\u0000' + (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
        }
    }

    static <E> Result<E> publish(Producer<byte[], byte[]> producer, List<Entry<E>> entries) {
        List<E> published = new ArrayList<>(entries.size());
        Set<String> heldBack = new HashSet<>();
        Exception first = null;
        for (List<Entry<E>> wave : waves(entries)) {
            Map<Entry<E>, Future<RecordMetadata>> sends = new LinkedHashMap<>();
            for (Entry<E> entry : wave) {
                if (heldBack.contains(entry.orderKey())) {
                    continue;
                }
                Future<RecordMetadata> sent = send(producer, entry.record());
                if (sent.isDone() && failed(sent)) {
                    // the broker is not there: every other send would fail as slowly; what was sent is awaited
                    first = cause(sent);
                    heldBack.add(entry.orderKey());
                    await(sends, published, heldBack);
                    return new Result<>(published, Optional.of(first));
                }
                sends.put(entry, sent);
            }
            Exception failed = await(sends, published, heldBack);
            first = first == null ? failed : first;
        }
        return new Result<>(published, Optional.ofNullable(first));
    }

    /** The entries by their rank within their key: wave n holds the n-th entry of every key, in batch order. */
    private static <E> List<List<Entry<E>>> waves(List<Entry<E>> entries) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<List<Entry<E>>> waves = new ArrayList<>();
        for (Entry<E> entry : entries) {
            int rank = seen.merge(entry.orderKey(), 1, Integer::sum) - 1;
            if (rank == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(rank).add(entry);
        }
        return waves;
    }

    /** Waits for every send; the acknowledged go to {@code published}, the failed hold back their key. */
    private static <E> Exception await(Map<Entry<E>, Future<RecordMetadata>> sends, List<E> published, Set<String> heldBack) {
        Exception first = null;
        for (Map.Entry<Entry<E>, Future<RecordMetadata>> send : sends.entrySet()) {
            if (failed(send.getValue())) {
                heldBack.add(send.getKey().orderKey());
                first = first == null ? cause(send.getValue()) : first;
            } else {
                published.add(send.getKey().handle());
            }
        }
        return first;
    }

    private static Future<RecordMetadata> send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for the send; true if it failed. */
    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Exception cause(Future<RecordMetadata> failed) {
        try {
            failed.get();
            return new IllegalStateException("the send did not fail");
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
