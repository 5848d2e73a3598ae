package dev.footnote.cli;

import dev.footnote.text.Plural;
import dev.footnote.verify.SupportChecker;
import dev.footnote.verify.SupportVerdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code footnote support --article FILE --sentences FILE [--json]}: is each sentence supported by the article? */
@Command(name = "support", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote support --article article.md --sentences claims.txt", "  footnote support --article article.md --sentences claims.txt --lexical --json"},
        description = "For each line of the sentences file, say whether the article supports it, "
                + "with the closest article sentence and a reason.")
public final class SupportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--article", required = true, paramLabel = "FILE", description = "The article (Markdown or plain text).")
    Path article;

    @Option(names = "--sentences", required = true, paramLabel = "FILE", description = "One sentence per line.")
    Path sentences;

    @Option(names = "--json", description = "Print one JSON object per line: {\"text\", \"supported\", \"passage\", \"reason\"}; "
            + "supported is true, false, or null when the check is unsure.")
    boolean json;

    @Option(names = "--lexical", description = "Check on wording alone, without sentence embeddings.")
    boolean lexical;

    @ParentCommand
    FootnoteCommand root;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : new Path[] {article, sentences}) {
            if (!Files.isRegularFile(p)) {
                err.println("footnote support: no such file: " + p);
                err.flush();
                return 2;
            }
        }
        // The article is one source: passing it whole means words spliced from two of its
        // paragraphs cost as much as words spliced from two ends of one.
        List<String> passages = List.of(ArticleFile.read(article).body());
        // Run on its own (no root command, as in tests) it checks wording alone.
        SupportChecker checker = lexical || root == null ? new SupportChecker() : root.app().supportChecker();
        JsonLines mapper = json ? new JsonLines(out) : null;
        int n = 0;
        int supported = 0;
        int unsure = 0;
        try (BufferedReader r = Files.newBufferedReader(sentences, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                // Every line gets a verdict, empty ones included, so output lines match input lines.
                String s = line.strip();
                SupportVerdict v = checker.check(s, passages);
                n++;
                if (v.supported()) {
                    supported++;
                } else if (v.unsure()) {
                    unsure++;
                }
                if (mapper != null) {
                    mapper.write("text", s, "supported", v.asJson(), "passage", v.passage(), "reason", v.reason());
                } else {
                    out.printf("%4d  %-13s %s%n", n, v.supported() ? "supported" : v.unsure() ? "unsure" : "NOT supported", s);
                    out.printf("      %-13s %s%n", "", v.reason());
                }
            }
        }
        if (!json) {
            out.printf("%s, %d supported, %d unsure%n", Plural.of(n, "sentence"), supported, unsure);
        }
        out.flush();
        return 0;
    }
}
