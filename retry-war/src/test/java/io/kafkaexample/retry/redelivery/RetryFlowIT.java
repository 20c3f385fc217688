package io.kafkaexample.retry.redelivery;

import static io.kafkaexample.retry.RetryClient.INITIAL;
import static io.kafkaexample.retry.RetryClient.MAX_RETRIES;
import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.attempts;
import static io.kafkaexample.retry.RetryClient.await;
import static io.kafkaexample.retry.RetryClient.consumerUser;
import static io.kafkaexample.retry.RetryClient.headers;
import static io.kafkaexample.retry.RetryClient.pendingKeys;
import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static io.kafkaexample.testsupport.Events.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.RetryClient;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry flow end to end: consumer-svc fails, retry-svc redelivers after the backoff, then dead-letters. */
class RetryFlowIT {

    private TopicWatcher side;
    private TopicWatcher redeliveries;
    private TopicWatcher deadLetters;
    private TopicWatcher issuedTokens;

    @BeforeEach
    void watch() {
        side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY);
        redeliveries = new TopicWatcher(Topics.CONSUMER_SVC_REDELIVERY);
        deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE);
        issuedTokens = new TopicWatcher(Topics.ISSUED_TOKEN);
    }

    @AfterEach
    void close() {
        side.close();
        redeliveries.close();
        deadLetters.close();
        issuedTokens.close();
    }

    @Test
    void aTokenForAUserWhoNeverExistsIsRedeliveredMaxRetriesTimesThenDeadLetteredOnce() throws Exception {
        String userId = newId();
        String token = tokenIssued(newId(), userId, "ghost", Instant.now());
        var sent = KafkaProbe.send(Topics.ISSUED_TOKEN, userId, token);

        ConsumerRecord<String, String> letter = deadLetters.await(r -> userId.equals(r.key()), WAIT);

        assertEquals(token, letter.value());
        Map<String, String> headers = headers(letter);
        assertEquals("issued-token", headers.get("retry-origin-topic"));
        assertEquals(Integer.toString(sent.partition()), headers.get("retry-origin-partition"));
        assertEquals(Long.toString(sent.offset()), headers.get("retry-origin-offset"));
        assertEquals("consumer-svc", headers.get("retry-group"));
        assertEquals("consumer-svc-redelivery", headers.get("retry-reply-to"));
        assertEquals(Integer.toString(MAX_RETRIES + 1), headers.get("retry-attempts"));
        assertEquals("true", headers.get("retry-retryable"));
        assertTrue(headers.get("dlq-reason").startsWith("gave up after " + (MAX_RETRIES + 1)), headers.get("dlq-reason"));
        assertTrue(headers.get("retry-error-class").endsWith("UnknownUserException"), headers.get("retry-error-class"));
        Instant.parse(headers.get("dlq-at"));
        Instant.parse(headers.get("retry-first-failure-at"));
        RecordContract.assertConforms(letter);

        // each failure went to the side topic, and each redelivery came no earlier than its backoff after it
        Duration settle = Duration.ofSeconds(3);
        List<ConsumerRecord<String, String>> failures = sorted(side.all(r -> userId.equals(r.key()), settle));
        List<ConsumerRecord<String, String>> redelivered = sorted(redeliveries.all(r -> userId.equals(r.key()), settle));
        assertEquals(List.of(1, 2, 3, 4), failures.stream().map(RetryClient::attempts).toList());
        assertEquals(List.of(1, 2, 3), redelivered.stream().map(RetryClient::attempts).toList());
        assertEquals(headers(redelivered.get(0)).get("retry-id"), headers.get("retry-id"),
                "the letter names its retry as the redeliveries do: how a letter whose send was not recorded is found");
        failures.forEach(RecordContract::assertConforms);
        redelivered.forEach(RecordContract::assertConforms);
        for (int n = 1; n <= MAX_RETRIES; n++) {
            long backoff = INITIAL.toMillis() << (n - 1);
            long waited = redelivered.get(n - 1).timestamp() - failures.get(n - 1).timestamp();
            assertTrue(waited >= backoff, "redelivery " + n + " came " + waited + " ms after its failure, before its " + backoff + " ms backoff");
        }

        // terminal: it stays one dead letter, nothing is scheduled for it any more
        Thread.sleep(INITIAL.toMillis() * 4);
        assertEquals(1, deadLetters.all(r -> userId.equals(r.key()), settle).size());
        assertEquals(MAX_RETRIES, redeliveries.all(r -> userId.equals(r.key()), Duration.ofMillis(500)).size());
        assertFalse(pendingKeys().contains(userId));
        // another reader of issued-token saw the original event once: redeliveries go to the consumer's own topic
        assertEquals(1, issuedTokens.all(r -> userId.equals(r.key()), Duration.ofMillis(500)).size());
    }

    @Test
    void aTokenThatArrivesBeforeItsUserSucceedsOnARetry() throws Exception {
        String userId = newId();
        KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, "early", Instant.now()));
        side.await(r -> userId.equals(r.key()) && attempts(r) == 1, WAIT);
        KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "early" + userId.substring(0, 8)));

        await("the token counted in the read model", WAIT, () -> {
            var user = consumerUser(userId);
            return user != null && user.getInt("tokensIssued") == 1;
        });
        // longer than the rest of the backoff window: had it failed again, it would be dead by now
        Thread.sleep(INITIAL.toMillis() * 8);
        assertTrue(deadLetters.all(r -> userId.equals(r.key()), Duration.ofSeconds(1)).isEmpty());
        assertFalse(pendingKeys().contains(userId));
        assertEquals(1, consumerUser(userId).getInt("tokensIssued"));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAtOnce() throws Exception {
        String key = newId();
        // a value of its own: the retry id is a hash of the value, and the same value dead-lettered by an earlier
        // run against the same Redis would count on from there
        String value = "{not a cloud event " + key;
        KafkaProbe.send(Topics.NEW_USER_CREATED, key, value);

        ConsumerRecord<String, String> letter = deadLetters.await(r -> key.equals(r.key()), WAIT);

        assertEquals(value, letter.value());
        assertEquals("1", headers(letter).get("retry-attempts"));
        assertEquals("false", headers(letter).get("retry-retryable"));
        assertTrue(headers(letter).get("dlq-reason").startsWith("not retryable"), headers(letter).get("dlq-reason"));
        RecordContract.assertConforms(letter);
        assertTrue(redeliveries.all(r -> key.equals(r.key()), Duration.ofSeconds(2)).isEmpty());
    }

    private static List<ConsumerRecord<String, String>> sorted(List<ConsumerRecord<String, String>> records) {
        return records.stream().sorted(Comparator.comparingInt(RetryClient::attempts)).toList();
    }
}
