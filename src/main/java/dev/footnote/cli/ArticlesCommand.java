package dev.footnote.cli;

import dev.footnote.text.Plural;
import dev.footnote.store.ArticleSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "articles", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote articles", "  footnote articles bridge", "  footnote articles --json"}, description = "List the stored articles (id, date, passages, title).")
final class ArticlesCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Only articles whose title or id contains this.")
    String query;

    @Option(names = "--json", description = "Print {\"articles\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        App app = root.app();
        app.offerSamples();
        PrintWriter out = spec.commandLine().getOut();
        List<ArticleSummary> all = app.store().listArticles();
        all = all.stream().filter(a -> a.matches(query)).toList();
        if (json) {
            out.println(Render.json(java.util.Map.of("articles", all)));
        } else if (all.isEmpty()) {
            out.println(query == null ? "No articles yet; add some with: footnote ingest PATH|URL" : "No article matches \"" + query + "\".");
        } else {
            out.print(table(all));
            out.println(Plural.of(all.size(), "article") + ".");
        }
        out.flush();
        return 0;
    }

    static String table(List<ArticleSummary> all) {
        int w = Math.min(40, all.stream().mapToInt(a -> a.id().length()).max().orElse(2));
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + w + "s  %-10s  %8s  %s%n", "ID", "DATE", "PASSAGES", "TITLE"));
        for (ArticleSummary a : all) {
            b.append(String.format("%-" + w + "s  %-10s  %8d  %s%n", a.id(), a.published() == null ? "-" : a.published(),
                    a.passages(), a.title()));
        }
        return b.toString();
    }
}
