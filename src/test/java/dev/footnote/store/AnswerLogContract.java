package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What any {@link AnswerLog} does. */
public abstract class AnswerLogContract extends StorageContract {

    @Test
    public void anAnswerRoundTrips() {
        // GIVEN an answer record with some fields unknown
        AnswerRecord given = answer("Who opened the bridge?", 1, "discord:42");
        // WHEN it is recorded and read back
        long id = storage.answers().record(given);
        AnswerRecord r = storage.answers().get(id).orElseThrow();
        // THEN it is what was given, with its id and a time of recording
        assertThat(r.id()).isEqualTo(id);
        assertThat(r.createdAt()).isNotBlank();
        assertThat(r).usingRecursiveComparison().ignoringFields("id", "createdAt").isEqualTo(given);
        assertThat(r.inputTokens()).isNull();
        assertThat(r.outputTokens()).isEqualTo(5);
        assertThat(storage.answers().get(id + 1000)).isEmpty();
        assertThat(r.timeToFirstTokenMs()).as("not streamed").isNull();
    }

    @Test
    public void aStreamedAnswerKeepsItsTimeToFirstToken() {
        AnswerRecord a = answer("Streamed?", 0, "cli");
        AnswerRecord streamed = new AnswerRecord(0, null, a.kind(), a.question(), a.articleId(), a.provider(), a.model(),
                a.promptVersion(), a.passagesJson(), a.answer(), a.refused(), a.citationsJson(), a.flagsJson(), a.flagCount(),
                a.latencyMs(), a.inputTokens(), a.outputTokens(), a.error(), a.origin(), 345L);
        assertThat(storage.answers().get(storage.answers().record(streamed)).orElseThrow().timeToFirstTokenMs()).isEqualTo(345L);
    }

    @Test
    public void recentIsNewestFirstAndCanKeepOnlyFlagged() {
        long plain = storage.answers().record(answer("plain?", 0, "cli"));
        long flagged = storage.answers().record(answer("flagged?", 2, "cli"));
        long newest = storage.answers().record(answer("newest?", 0, "chat"));
        assertThat(storage.answers().recent(null, false, 10)).extracting(AnswerRecord::id).containsExactly(newest, flagged, plain);
        assertThat(storage.answers().recent(null, true, 10)).extracting(AnswerRecord::id).containsExactly(flagged);
        assertThat(storage.answers().recent(null, false, 2)).extracting(AnswerRecord::id).containsExactly(newest, flagged);
        // A since after every answer keeps none.
        assertThat(storage.answers().recent(Instant.now().plus(1, ChronoUnit.DAYS).toString(), false, 10)).isEmpty();
    }

    @Test
    public void aServerSeesOnlyItsOwnFlaggedAnswers() {
        // GIVEN flagged answers from two servers, a direct message and the CLI, and an unflagged one
        Instant since = Instant.now().minus(1, ChronoUnit.HOURS);
        long own = storage.answers().record(answer("own?", 1, "discord:100"));
        long ownLab = storage.answers().record(answer("lab?", 1, "discord:100:prompt-test"));
        storage.answers().record(answer("other?", 1, "discord:200"));
        storage.answers().record(answer("prefix?", 1, "discord:1009"));
        storage.answers().record(answer("dm?", 1, "discord:dm"));
        long cli = storage.answers().record(answer("cli?", 1, "cli"));
        storage.answers().record(answer("clean?", 0, "discord:100"));
        // THEN the server's moderators see its own flagged answers, newest first
        assertThat(storage.answers().flaggedOfServer("100", since, Long.MAX_VALUE, 10)).extracting(AnswerRecord::id)
                .containsExactly(ownLab, own);
        assertThat(storage.answers().flaggedOfServer("100", since, own, 10)).extracting(AnswerRecord::id).containsExactly(own);
        assertThat(storage.answers().flaggedOfServer(null, since, Long.MAX_VALUE, 10)).isEmpty();
        // AND the CLI sees every origin's flagged answers
        assertThat(storage.answers().flagged(since, 10)).hasSize(6).extracting(AnswerRecord::id).startsWith(cli);
        assertThat(storage.answers().flagged(Instant.now().plus(1, ChronoUnit.DAYS), 10)).isEmpty();
    }
}
