package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import dev.footnote.retrieve.Retrieval;
import dev.footnote.retrieve.SearchHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote search \"bridge repairs\"", "  footnote search \"bridge repairs\" --k 10 --json", "  footnote search --queries queries.txt --json"}, description = "Show the passages that best match a query, ranked.")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "What to look for.")
    String query;

    @Option(names = "--k", paramLabel = "K", description = "How many passages (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int k;

    @Option(names = "--queries", paramLabel = "FILE", description = "Answer one query per line of FILE (one JSON object per line with --json).")
    Path queries;

    @Option(names = "--json", description = "Print JSON: {\"results\": [...]} (with --queries: one {\"query\", \"results\"} per line).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (k < 1 || k > 100) {
            throw new UserException("--k must be between 1 and 100.");
        }
        if ((query == null) == (queries == null)) {
            throw new UserException("Give a QUERY or --queries FILE (one of them).");
        }
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        if (queries != null) {
            if (!Files.isRegularFile(queries)) {
                throw new UserException("No such file: " + queries);
            }
            try (BufferedReader r = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    Retrieval res = line.isBlank() ? null : app.retriever().search(line, k);
                    List<SearchHit> hits = res == null ? List.of() : res.hits();
                    if (json) {
                        Map<String, Object> o = new LinkedHashMap<>();
                        o.put("query", line);
                        o.put("results", results(hits));
                        out.println(Render.json(o));
                    } else {
                        out.println("# " + line);
                        print(out, hits);
                    }
                }
            }
            out.flush();
            return 0;
        }
        app.offerSamples();
        if (query.isBlank() || query.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new UserException("The query has no words to search for.");
        }
        Retrieval res = app.retriever().search(query, k);
        if (json) {
            out.println(Render.json(Map.of("results", results(res.hits()))));
        } else if (res.hits().isEmpty()) {
            out.println("No passage matches \"" + query + "\".");
        } else {
            print(out, res.hits());
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, List<SearchHit> hits) {
        int i = 1;
        for (SearchHit h : hits) {
            out.printf("%d. %s  (%s; %s)%n%s%n%n", i++, h.title(), h.passage().id(), Render.sides(h),
                    Render.indent(Render.quote(h.passage().text(), 500)));
        }
    }

    static List<Map<String, Object>> results(List<SearchHit> hits) {
        return hits.stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passage_id", h.passage().id());
            m.put("article_id", h.passage().articleId());
            m.put("title", h.title());
            m.put("score", h.score());
            m.put("text", h.passage().text());
            m.put("keyword_rank", h.sides().keywordRank());
            m.put("bm25", h.sides().bm25());
            m.put("vector_rank", h.sides().vectorRank());
            m.put("cosine", h.sides().cosine());
            return m;
        }).toList();
    }
}
