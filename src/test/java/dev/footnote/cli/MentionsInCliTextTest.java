package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Json;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article whose title and text are Discord mentions: nothing the CLI prints, text or JSON,
 * stdout or stderr, carries a live mention, so output pasted into Discord pings no one.
 */
class MentionsInCliTextTest {

    private static final String TITLE = "@everyone <@123> <@&5> <#7> @here";
    private static final List<String> LIVE = List.of("@everyone", "<@123>", "<@&5>", "<#7>", "@here", "<@!42>");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private static void assertInert(String what, Cli.Run r) {
        for (String live : LIVE) {
            assertThat(r.out()).as(what + " stdout").doesNotContain(live);
            assertThat(r.err()).as(what + " stderr").doesNotContain(live);
        }
    }

    @Test
    void everyCommandPrintsMentionsInert() throws Exception {
        Path article = Files.writeString(dir.resolve("ping.md"), "---\ntitle: \"" + TITLE + "\"\n---\n"
                + "The Lowmere ferry council met on Monday to discuss the harbour timetable @everyone and <@!42>. "
                + "Experts say the new harbour timetable will please everyone <@123> in town. "
                + "The council said the timetable changes start in May <#7> after a vote.\n");
        Path empty = Files.writeString(dir.resolve("@everyone.md"), "");
        String db = dir.resolve("m.db").toString();

        Cli.Run ingest = cli.run("--db", db, "ingest", article.toString(), empty.toString());
        assertThat(ingest.out()).contains("@\u200Beveryone <@\u200B123> <@\u200B&5> <#\u200B7> @\u200Bhere");
        assertInert("ingest", ingest);
        assertInert("ingest --json", cli.run("--db", db, "ingest", article.toString(), "--json"));

        Cli.Run articles = cli.run("--db", db, "articles");
        assertThat(articles.out()).contains("@\u200Beveryone <@\u200B123>");
        assertInert("articles", articles);
        assertInert("articles --json", cli.run("--db", db, "articles", "--json"));
        assertInert("articles QUERY (no match)", cli.run("--db", db, "articles", "@everyone nothing"));

        Cli.Run search = cli.run("--db", db, "search", "harbour timetable");
        assertThat(search.out()).contains("@\u200Beveryone");
        assertInert("search", search);
        assertInert("search --json", cli.run("--db", db, "search", "harbour timetable", "--json"));

        Cli.Run ask = cli.run("--db", db, "ask", "What did the ferry council discuss about the harbour timetable?");
        assertThat(ask.out()).contains("@\u200Beveryone");
        assertInert("ask", ask);
        assertInert("ask --json", cli.run("--db", db, "ask", "What did the ferry council discuss?", "--json"));
        assertInert("summarize", cli.run("--db", db, "summarize", "ping"));
        assertInert("claims", cli.run("claims", article.toString()));
        assertInert("claims --json", cli.run("claims", article.toString(), "--json"));

        try (Storage store = SqliteStorage.open(Path.of(db))) {
            List<Flag> flags = List.of(new Flag(1, Flag.VAGUE_ATTRIBUTION, 1, "experts say", "Rests on experts <@123> unnamed."));
            store.answers().record(new AnswerRecord(0, null, "ask", "Ping " + TITLE + "?", null, "offline", null, "v", "[]",
                    "Experts say " + TITLE + " [1].", false, "[]", Json.toJson(flags), 1, 5, null, null, null, "cli"));
        }
        Cli.Run flagsText = cli.run("--db", db, "flags");
        assertThat(flagsText.out()).contains("Ping @\u200Beveryone");
        assertInert("flags", flagsText);
        assertInert("flags --json", cli.run("--db", db, "flags", "--json"));

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("/articles\n/ask what about the harbour timetable?\n/sources\n/quit\n"
                    .getBytes(StandardCharsets.UTF_8)));
            Cli.Run chat = cli.run("--db", db, "chat");
            assertThat(chat.out()).contains("@\u200Beveryone");
            assertInert("chat", chat);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aMentionPrintedInPiecesIsStillMadeInert() {
        java.io.StringWriter sink = new java.io.StringWriter();
        java.io.PrintWriter w = MentionSafeWriter.wrap(new java.io.PrintWriter(sink));
        w.print("@");
        w.print("every");
        w.print("one and <@");
        w.printf("%d>%n", 123);
        w.print("no newline <#7>");
        w.flush();
        assertThat(sink.toString()).isEqualTo("@\u200Beveryone and <@\u200B123>" + System.lineSeparator() + "no newline <#\u200B7>");
    }
}
