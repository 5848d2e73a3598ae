package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.app.StoreMigration;
import dev.footnote.config.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy an SQLite database into an empty PostgreSQL one: articles, passages, claim labels, vectors, the answer log"
                + " and feedback, Discord state, feeds and prompt-lab history, ids kept. One transaction: on failure nothing is copied."},
        footer = {"", "Examples:", "  FOOTNOTE_DB_PASSWORD=... footnote migrate --from ~/.local/share/footnote/footnote.db --to postgresql://footnote@db:5432/footnote"})
final class MigrateCommand implements Callable<Integer> {

    /** How the report names each table, as a reader counts it. */
    private static final Map<String, String> WHAT = Map.ofEntries(Map.entry("articles", "articles"),
            Map.entry("passages", "passages"), Map.entry("passage_claims", "claim labels"), Map.entry("passage_sourced", "sourced sentences"),
            Map.entry("passage_vectors", "passage vectors"), Map.entry("sentence_vectors", "sentence vector sets"),
            Map.entry("meta", "stored settings"), Map.entry("answers", "answers"), Map.entry("answer_feedback", "votes"),
            Map.entry("discord_guild_settings", "server settings"), Map.entry("discord_views", "Discord listings"),
            Map.entry("discord_threads", "follow-up threads"), Map.entry("discord_thread_turns", "thread turns"),
            Map.entry("eval_runs", "prompt-lab runs"), Map.entry("eval_results", "prompt-lab results"), Map.entry("feeds", "feeds"),
            Map.entry("feed_items", "feed items"));

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The SQLite database file to copy.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The PostgreSQL database, postgresql://user@host:5432/dbname (password from $FOOTNOTE_DB_PASSWORD or $PGPASSWORD).")
    String to;

    @Option(names = "--json", description = "Print {\"from\", \"to\", \"copied\": {table: rows}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StoreMigration.Result r = StoreMigration.run(from, to, new Secrets(root.environment()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("from", r.from());
            o.put("to", r.to());
            o.put("copied", r.copied());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            List<String> parts = new ArrayList<>();
            r.copied().forEach((table, n) -> {
                if (n > 0) {
                    parts.add(String.format("%,d %s", n, WHAT.getOrDefault(table, table)));
                }
            });
            out.println("Copied " + (parts.isEmpty() ? "nothing (the SQLite database is empty)" : String.join(", ", parts))
                    + " from " + r.from() + " to " + r.to() + ".");
        }
        out.flush();
        return 0;
    }
}
