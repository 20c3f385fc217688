package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.auth.Caller;
import io.kafkaexample.common.auth.CallerResolver;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.graphql.PageLimit;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class DeadLetterApi {

    private static final Logger LOG = Logger.getLogger(DeadLetterApi.class.getName());

    @Inject
    DeadLetterReader reader;

    @Inject
    DeadLetterMarks marks;

    @Inject
    DeadLetterReplayer replayer;

    @Inject
    CallerResolver callers;

    @Query("deadLetters")
    @Description("Admin: the latest dead letters, newest first; of one origin topic if given; discarded ones only if asked. "
            + "A letter holds the record's value, which may be personal data")
    public List<DeadLetter> deadLetters(@Name("topic") String topic, @Name("limit") @DefaultValue("20") int limit,
                                        @Name("includeDiscarded") @DefaultValue("false") boolean includeDiscarded) throws ClientError {
        callers.admin();
        PageLimit.checked("limit", limit, PageLimit.MAX);
        List<DeadLetter> letters = withMarks(reader.latest(Optional.ofNullable(topic).filter(t -> !t.isBlank()), limit));
        return includeDiscarded ? letters : letters.stream().filter(l -> l.getDiscardedAt() == null).toList();
    }

    @Mutation("replayDeadLetters")
    @Description("Admin: sends the dead letters with these ids back to their consumer with a fresh count; "
            + "a letter already replayed or discarded is skipped")
    public ReplayResult replayDeadLetters(@Name("ids") @NonNull List<@NonNull String> ids) throws ClientError {
        Caller admin = callers.admin();
        List<String> unique = checkedIds(ids);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : unique) {
            reader.byId(DeadLetterId.parse(id)).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        ReplayResult result = replay(withMarks(found), admin);
        missing.forEach(id -> result.skip(id, "no such dead letter"));
        return result;
    }

    @Mutation("replayDeadLettersOf")
    @Description("Admin: replays the dead letters of one origin topic dead-lettered from 'from' up to 'to' (default: now)")
    public ReplayResult replayDeadLettersOf(@Name("topic") @NonNull String topic, @Name("from") @NonNull OffsetDateTime from,
                                            @Name("to") OffsetDateTime to) throws ClientError {
        Caller admin = callers.admin();
        Instant end = to == null ? Instant.now() : to.toInstant();
        if (!from.toInstant().isBefore(end)) {
            throw new ClientError("'from' must be before 'to'");
        }
        List<ConsumerRecord<byte[], byte[]>> letters = reader.between(topic, from.toInstant(), end, replayer.maxLetters() + 1);
        if (letters.size() > replayer.maxLetters()) {
            throw new ClientError("more than " + replayer.maxLetters() + " dead letters in that range: narrow it");
        }
        return replay(withMarks(letters), admin);
    }

    @Mutation("discardDeadLetters")
    @Description("Admin: marks dead letters as handled, so deadLetters no longer lists them and no replay sends them")
    public List<String> discardDeadLetters(@Name("ids") @NonNull List<@NonNull String> ids) throws ClientError {
        Caller admin = callers.admin();
        List<String> discarded = new ArrayList<>();
        for (String id : checkedIds(ids)) {
            var letter = reader.byId(DeadLetterId.parse(id));
            if (letter.isPresent() && marks.markDiscarded(DeadLetterMarks.keyOf(letter.get()), Instant.now())) {
                discarded.add(id);
            }
        }
        LOG.info(() -> "dead letters " + discarded + " discarded by " + admin.username());
        return discarded;
    }

    private ReplayResult replay(List<DeadLetter> letters, Caller admin) throws ClientError {
        ReplayResult result = replayer.replay(letters, admin.username());
        LOG.info(() -> admin.username() + " replayed " + result.getReplayed().size() + " dead letter(s), skipped "
                + result.getSkipped().size());
        return result;
    }

    private List<String> checkedIds(List<String> ids) throws ClientError {
        if (ids.isEmpty() || ids.size() > replayer.maxLetters()) {
            throw new ClientError("give between 1 and " + replayer.maxLetters() + " dead letter ids");
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        for (String id : unique) {
            DeadLetterId.parse(id);
        }
        return unique;
    }

    private List<DeadLetter> withMarks(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> ids = records.stream().map(DeadLetterMarks::keyOf).toList();
        List<Instant> replayed = marks.replayedAt(ids);
        List<Instant> discarded = marks.discardedAt(ids);
        List<DeadLetter> letters = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            letters.add(new DeadLetter(records.get(i), replayed.get(i), discarded.get(i)));
        }
        return letters;
    }
}
