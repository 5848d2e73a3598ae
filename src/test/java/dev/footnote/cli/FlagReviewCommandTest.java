package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.Flag;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Json;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footnote flags}: the operator sees flagged answers from every origin, within --since. */
class FlagReviewCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db;
    private final List<Long> recent = new ArrayList<>();
    private long old;

    private static long record(Storage store, String question, String origin, int flagCount) {
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < flagCount; i++) {
            flags.add(new Flag(2, Flag.VAGUE_ATTRIBUTION, 1, "some say", "Rests on an unnamed source."));
        }
        return store.answers().record(new AnswerRecord(0, null, "ask", question, null, "offline", null, "v", "[]",
                "The bridge opened [1]. Some say it was unsafe.", false, "[]", Json.toJson(flags), flags.size(), 5, null, null, null, origin));
    }

    @BeforeEach
    void answers() {
        db = dir.resolve("flags.db").toString();
        try (Storage store = SqliteStorage.open(Path.of(db))) {
            recent.add(record(store, "Asked in server A?", "discord:900000000000000001", 1));
            recent.add(record(store, "Asked in server B?", "discord:900000000000000002", 1));
            recent.add(record(store, "Asked from the CLI @everyone <@123>?", "cli", 1));
            recent.add(record(store, "Asked in chat?", "chat", 1));
            record(store, "Not flagged at all?", "cli", 0);
            old = record(store, "Asked long ago in server A?", "discord:900000000000000001", 1);
            store.feedback().vote(recent.get(0), "u1", -1);
            String tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).toString();
            store.database().write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE answers SET created_at = ? WHERE id = ?")) {
                    ps.setString(1, tenDaysAgo);
                    ps.setLong(2, old);
                    return ps.executeUpdate();
                }
            });
        }
    }

    @Test
    void showsFlaggedAnswersOfEveryOriginWithinSince() throws Exception {
        Cli.Run r = new Cli().run("--db", db, "flags", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode body = JSON.readTree(r.out());
        assertThat(body.fieldNames()).toIterable().containsExactly("since", "answers");
        List<Long> ids = new ArrayList<>();
        body.get("answers").forEach(a -> ids.add(a.get("id").asLong()));
        assertThat(ids).as("the default is the last 7 days, newest first").containsExactly(recent.get(3), recent.get(2), recent.get(1), recent.get(0));
        JsonNode first = body.get("answers").get(ids.size() - 1);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("id", "created_at", "origin", "kind", "question", "answer", "flags", "up", "down");
        assertThat(first.get("origin").asText()).isEqualTo("discord:900000000000000001");
        assertThat(first.get("down").asInt()).isEqualTo(1);
        assertThat(first.get("flags").get(0).fieldNames()).toIterable().containsExactly("sentence", "kind", "citation", "cue", "reason");

        JsonNode wider = JSON.readTree(new Cli().run("--db", db, "flags", "--since", "30d", "--json").out());
        assertThat(wider.get("answers")).hasSize(5);
        String day = Instant.now().minus(Duration.ofDays(20)).toString().substring(0, 10);
        assertThat(JSON.readTree(new Cli().run("--db", db, "flags", "--since", day, "--json").out()).get("answers")).hasSize(5);
        assertThat(JSON.readTree(new Cli().run("--db", db, "flags", "--since", "30d", "--limit", "2", "--json").out())
                .get("answers")).hasSize(2);
    }

    @Test
    void textNamesTheOriginAndNeutralisesMentions() {
        Cli.Run r = new Cli().run("--db", db, "flags");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("4 flagged answers since ").containsPattern("since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC:")
                .contains("discord:900000000000000002", "  cli  ", "  chat  ", "Asked in server A?", "up 0, down 1",
                        "- sentence 2: rests on an unsourced claim: \"Some say it was unsafe.\" (Rests on an unnamed source.)")
                .doesNotContain("long ago", "Not flagged")
                .doesNotContain("@everyone", "<@123>").contains("@\u200Beveryone");
    }

    @Test
    void aBadSinceOrLimitIsOneLine() {
        Cli.Run r = new Cli().run("--db", db, "flags", "--since", "last tuesday");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("footnote: Give --since as 24h, 7d, 2w or a date like 2026-11-01.");
        assertThat(new Cli().run("--db", db, "flags", "--limit", "0").err().strip()).isEqualTo("footnote: --limit must be 1 or more.");
    }
}
