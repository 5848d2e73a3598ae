package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.answer.ProfileWords;
import dev.footnote.text.Plural;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.SourcingProfile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "articles", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote articles", "  footnote articles bridge", "  footnote articles --json"},
        description = "List the stored articles (id, date, passages, title) with each one's sourcing profile.")
final class ArticlesCommand implements Callable<Integer> {

    /** One article in {@code articles --json}: the summary's fields as before, plus its sourcing profile. */
    record Row(String id, String title, String published, String url, int passages, String source, SourcingProfile profile) {
    }

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Only articles whose title or id contains this.")
    String query;

    @Option(names = "--json", description = "Print {\"articles\": [...]} as JSON; each article has a \"profile\": "
            + "{\"claims\", \"sourced\", \"by_kind\"}.")
    boolean json;

    @Override
    public Integer call() {
        App app = root.app();
        app.offerSamples();
        PrintWriter out = spec.commandLine().getOut();
        List<ArticleSummary> all = app.storage().articles().list();
        all = all.stream().filter(a -> a.matches(query)).toList();
        Map<String, SourcingProfile> profiles = app.storage().claims().profiles();
        if (json) {
            List<Row> rows = all.stream().map(a -> new Row(a.id(), a.title(), a.published(), a.url(), a.passages(), a.source(),
                    profiles.get(a.id()))).toList();
            out.println(Render.json(Map.of("articles", rows)));
        } else if (all.isEmpty()) {
            out.println(query == null ? "No articles yet; add some with: footnote ingest PATH|URL" : "No article matches \"" + query + "\".");
        } else {
            out.print(table(all, profiles));
            out.println(Plural.of(all.size(), "article") + ".");
        }
        out.flush();
        return 0;
    }

    static String table(List<ArticleSummary> all) {
        return table(all, Map.of());
    }

    /** The listing; with profiles, each article's sourcing profile on the line under it. */
    static String table(List<ArticleSummary> all, Map<String, SourcingProfile> profiles) {
        int w = Math.min(40, all.stream().mapToInt(a -> a.id().length()).max().orElse(2));
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + w + "s  %-10s  %8s  %s%n", "ID", "DATE", "PASSAGES", "TITLE"));
        for (ArticleSummary a : all) {
            b.append(String.format("%-" + w + "s  %-10s  %8d  %s%n", a.id(), a.published() == null ? "-" : a.published(),
                    a.passages(), a.title()));
            SourcingProfile p = profiles.get(a.id());
            if (p != null) {
                b.append(" ".repeat(w + 2)).append(ProfileWords.of(p)).append('\n');
            }
        }
        return b.toString();
    }
}
