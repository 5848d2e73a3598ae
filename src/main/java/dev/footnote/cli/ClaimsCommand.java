package dev.footnote.cli;

import dev.footnote.text.Plural;
import dev.footnote.answer.ProfileWords;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.ingest.ArticleReading;
import dev.footnote.app.ClassifierLabeller;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.ParsedArticle;
import dev.footnote.ingest.RejectedException;
import dev.footnote.store.Article;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import dev.footnote.store.SourcingProfile;
import dev.footnote.store.Storage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code footnote claims FILE|ARTICLE [--lines] [--json]}: how each sentence of an article sources
 * its claim. A file is read the way ingest reads it ({@link ArticleReading}: the same reader, passages
 * and article context) and labelled by the same {@link ClassifierLabeller}, so what this prints is what
 * {@code ingest} stores; an article id or title prints the labels the database holds.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote claims article.md", "  footnote claims firefox     (a stored article: its id or a part of its title)",
                "  footnote claims --lines sentences.txt --json"},
        description = "Classify every sentence of an article file or a stored article (or, with --lines, each line of a file) "
                + "as sourced or flagged: vague attribution, unverifiable source, unattributed figure, anachronism or "
                + "speculation (several at once).")
public final class ClaimsCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|ARTICLE",
            description = "Article file (Markdown, HTML or text, read as ingest reads it), or the id or a unique part "
                    + "of the title of a stored article.")
    String target;

    @Option(names = "--lines", description = "Treat each non-empty line of FILE as one sentence, with no article context.")
    boolean lines;

    @Option(names = "--json", description = "Print one JSON object per sentence: {\"text\", \"flag\", \"kind\", \"cues\", \"kinds\", \"reasons\"}.")
    boolean json;

    /** The article's sourcing profile, shown under the sentences (not for --lines: those are not an article). */
    private SourcingProfile profile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file;
        try {
            file = Path.of(target);
        } catch (java.nio.file.InvalidPathException e) {
            file = Path.of("");
        }
        JsonLines mapper = json ? new JsonLines(out) : null;
        int[] counts = new int[2];
        profile = null;
        try {
            if (Files.isRegularFile(file)) {
                if (lines) {
                    printLines(file, out, mapper, counts);
                } else {
                    printFile(file, out, mapper, counts);
                }
            } else if (lines || root == null || looksLikeFile(target) || !root.app().hasDatabase()) {
                err.println("footnote claims: no such file: " + target);
                err.flush();
                return 2;
            } else {
                Integer code = printStored(out, err, mapper, counts);
                if (code != null) {
                    return code;
                }
            }
        } catch (NoSuchFileException e) {
            err.println("footnote claims: no such file: " + target);
            err.flush();
            return 2;
        } catch (java.nio.charset.MalformedInputException e) {
            err.println("footnote claims: " + target + " is not UTF-8 text");
            err.flush();
            return 2;
        } catch (RejectedException e) {
            err.println("footnote claims: " + target + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        if (!json) {
            out.printf("%s, %d flagged%n", Plural.of(counts[0], "sentence"), counts[1]);
            if (profile != null) {
                out.println("Sourcing: " + ProfileWords.of(profile));
            }
        }
        out.flush();
        return 0;
    }

    /** Each line on its own, with no article around it: the measurement's contract, unchanged. */
    private void printLines(Path file, PrintWriter out, JsonLines mapper, int[] counts) throws IOException {
        ClaimClassifier classifier = new ClaimClassifier();
        ClaimContext ctx = ClaimContext.none();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    SentenceClaim c = classifier.classify(line.strip(), ctx);
                    print(out, mapper, c.text(), c.flag(), c.kind(), c.cues(), c.kinds(), c.reasons(), counts);
                }
            }
        }
    }

    private void printFile(Path file, PrintWriter out, JsonLines mapper, int[] counts) throws IOException, RejectedException {
        long max = ingestConfig().maxBytes();
        if (Files.size(file) > max) {
            throw new RejectedException("over the " + max / (1024 * 1024) + " MB limit (ingest.max-bytes), as ingest would reject it");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return; // no sentences (ingest rejects such a file; there is nothing to classify)
        }
        ArticleReading.Read read = reading().read(bytes, file.getFileName().toString());
        ClassifierLabeller labeller = new ClassifierLabeller(new ClaimClassifier());
        ClaimLabeller.Article article = read.forLabeller();
        int sourced = 0;
        Map<String, Integer> byKind = new java.util.HashMap<>();
        for (ArticleReading.Sentence s : read.sentences()) {
            SentenceClaim c = labeller.claim(read.text(s), article);
            print(out, mapper, c.text(), c.flag(), c.kind(), c.cues(), c.kinds(), c.reasons(), counts);
            // Counted as ingest stores it: a sentence once, under its strongest kind, or as sourced.
            if (c.flag()) {
                byKind.merge(c.kind(), 1, Integer::sum);
            } else if (c.sourced()) {
                sourced++;
            }
        }
        profile = SourcingProfile.of(sourced, byKind);
    }

    /** A name with a folder or an article file's extension means a file, not an article in the database. */
    private static boolean looksLikeFile(String t) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        return t.contains("/") || t.contains(java.io.File.separator)
                || dev.footnote.ingest.Ingester.EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** A stored article: its sentences as ingest numbered them, with the labels the database holds. */
    private Integer printStored(PrintWriter out, PrintWriter err, JsonLines mapper, int[] counts) throws IOException {
        Storage store = root.app().storage();
        List<ArticleSummary> found = store.articles().find(target);
        if (found.size() != 1) {
            err.println("footnote claims: " + (found.isEmpty()
                    ? "no such file, and no article matches \"" + target + "\" (list them with `articles`)"
                    : "\"" + target + "\" matches " + found.size() + " articles; use an id: "
                            + String.join(", ", found.stream().limit(5).map(ArticleSummary::id).toList())
                            + (found.size() > 5 ? ", ..." : "")));
            err.flush();
            return 2;
        }
        Article a = store.articles().get(found.get(0).id()).orElse(null);
        if (a == null) {
            err.println("footnote claims: that article was just removed");
            err.flush();
            return 2;
        }
        ArticleReading.Read read = reading().of(new ParsedArticle(a.title(), a.url(), a.author(), a.published(), a.body(), a.sources()));
        List<String> ids = store.articles().passagesOf(a.id()).stream().map(Passage::id).toList();
        // Matched by where the sentence starts in the body, not by its number in a passage: the
        // article may have been cut into passages with other ingest.min-words/max-words settings.
        Map<Integer, List<ClaimLabel>> byStart = new java.util.HashMap<>();
        for (List<ClaimLabel> ls : store.claims().claimsOf(ids).values()) {
            for (ClaimLabel l : ls) {
                byStart.computeIfAbsent(l.start(), k -> new ArrayList<>()).add(l);
            }
        }
        for (ArticleReading.Sentence s : read.sentences()) {
            List<ClaimLabel> labels = byStart.getOrDefault(s.span().start(), List.of());
            List<String> kinds = labels.stream().map(ClaimLabel::kind).toList();
            List<String> cues = labels.stream().map(ClaimLabel::cue).filter(c -> !c.isEmpty()).distinct().toList();
            print(out, mapper, read.text(s), !labels.isEmpty(), kinds.isEmpty() ? null : kinds.get(0), cues, kinds,
                    labels.stream().map(ClaimLabel::reason).toList(), counts);
        }
        profile = store.claims().profileOf(a.id());
        return null;
    }

    /** Passages cut as the configured ingest cuts them (sentence numbers within a passage depend on it). */
    private ArticleReading reading() {
        FootnoteConfig.IngestConfig i = ingestConfig();
        return new ArticleReading(i.minWords(), i.maxWords());
    }

    private FootnoteConfig.IngestConfig ingestConfig() {
        return root != null ? root.app().config().ingest() : new FootnoteConfig.IngestConfig(null, null, null, null);
    }

    private void print(PrintWriter out, JsonLines mapper, String text, boolean flag, String kind, List<String> cues,
                       List<String> kinds, List<String> reasons, int[] counts) throws IOException {
        counts[0]++;
        if (flag) {
            counts[1]++;
        }
        if (mapper != null) {
            // "kind" stays the strongest kind, as before; "kinds" and "reasons" list every finding, strongest first.
            mapper.write("text", text, "flag", flag, "kind", kind, "cues", cues, "kinds", kinds, "reasons", reasons);
            return;
        }
        String shown = text.replaceAll("\\s+", " ");
        if (shown.length() > 100) {
            shown = shown.substring(0, 97) + "...";
        }
        // One kind in the column, so the sentences stay aligned; a sentence of several kinds gives
        // each further kind its own line, beside its reason.
        out.printf("%4d  %-19s %s%n", counts[0], flag && !kinds.isEmpty() ? kinds.get(0) : "-", shown);
        for (int i = 0; i < reasons.size(); i++) {
            out.printf("      %-19s %s%n", i > 0 && i < kinds.size() ? kinds.get(i) : "", reasons.get(i));
        }
    }
}
