package dev.footnote.cli;

import dev.footnote.text.Plural;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.ClaimContext;
import dev.footnote.verify.SentenceClaim;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code footnote claims FILE [--lines] [--json]}: how each sentence of an article sources its claim. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote claims article.md", "  footnote claims --lines sentences.txt --json"},
        description = "Classify every sentence of an article file (or, with --lines, each line) as sourced or flagged: "
                + "vague attribution, unverifiable source, unattributed figure, anachronism or speculation (several at once).")
public final class ClaimsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Article file (Markdown or plain text; YAML front matter is skipped).")
    Path file;

    @Option(names = "--lines", description = "Treat each non-empty line as one sentence.")
    boolean lines;

    @Option(names = "--json", description = "Print one JSON object per sentence: {\"text\", \"flag\", \"kind\", \"cues\", \"kinds\", \"reasons\"}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("footnote claims: no such file: " + file);
            err.flush();
            return 2;
        }
        ClaimClassifier classifier = new ClaimClassifier();
        JsonLines mapper = json ? new JsonLines(out) : null;
        int[] counts = new int[2];
        try {
            if (lines) {
                ClaimContext ctx = ClaimContext.none();
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        print(out, mapper, classifier.classify(line.strip(), ctx), counts);
                    }
                }
            } else {
                ArticleFile a = ArticleFile.read(file);
                ClaimContext ctx = ClaimContext.forArticle(a.body(), a.published(), a.sources());
                for (SentenceClaim c : classifier.classifyText(a.body(), ctx)) {
                    print(out, mapper, c, counts);
                }
            }
        } catch (NoSuchFileException e) {
            err.println("footnote claims: no such file: " + file);
            err.flush();
            return 2;
        } catch (java.nio.charset.MalformedInputException e) {
            err.println("footnote claims: " + file + " is not UTF-8 text");
            err.flush();
            return 2;
        }
        if (!json) {
            out.printf("%s, %d flagged%n", Plural.of(counts[0], "sentence"), counts[1]);
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, JsonLines mapper, SentenceClaim c, int[] counts) throws IOException {
        counts[0]++;
        if (c.flag()) {
            counts[1]++;
        }
        if (mapper != null) {
            // "kind" stays the strongest kind, as before; "kinds" and "reasons" list every finding, strongest first.
            mapper.write("text", c.text(), "flag", c.flag(), "kind", c.kind(), "cues", c.cues(), "kinds", c.kinds(),
                    "reasons", c.reasons());
            return;
        }
        String text = c.text().replaceAll("\\s+", " ");
        if (text.length() > 100) {
            text = text.substring(0, 97) + "...";
        }
        out.printf("%4d  %-19s %s%n", counts[0], c.flag() ? String.join(",", c.kinds()) : "-", text);
        for (String reason : c.reasons()) {
            out.printf("      %-19s %s%n", "", reason);
        }
    }
}
