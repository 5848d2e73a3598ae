package dev.footnote.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.ClaimContext;
import dev.footnote.verify.SentenceClaim;
import dev.footnote.verify.SupportChecker;
import dev.footnote.verify.SupportVerdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code footnote eval-claims}: measures the claim classifier against the CoNLL-2010 Wikipedia
 * weasel sentences (precision, recall, F1 of "flagged") and the support checker against QAGS
 * CNN/DM summary sentences (balanced accuracy of "supported", majority vote of three annotators).
 * Prepares sentences exactly as {@code shared/tools/measure} does, in one JVM.
 */
@Command(name = "eval-claims", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote eval-claims --weasel ../shared/weasel/train.csv", "  footnote eval-claims --support ../shared/qags.jsonl --json"},
        description = "Measure claim classification (weasel P/R/F1) and support checking (QAGS balanced accuracy) "
                + "against the shared data sets.")
public final class EvalClaimsCommand implements Callable<Integer> {

    static final Path DEFAULT_WEASEL = Path.of("..", "shared", "data", "weasel", "train.csv");
    static final Path DEFAULT_SUPPORT = Path.of("..", "shared", "data", "support", "qags_cnndm.jsonl");

    @Spec
    CommandSpec spec;

    @Option(names = "--weasel", paramLabel = "CSV", description = "Weasel sentences (text,label). Default: ${DEFAULT-VALUE}.")
    Path weasel = DEFAULT_WEASEL;

    @Option(names = "--support", paramLabel = "JSONL", description = "QAGS-style articles with judged summary sentences. Default: ${DEFAULT-VALUE}.")
    Path support = DEFAULT_SUPPORT;

    @Option(names = "--lexical", description = "Check support on wording alone, without sentence embeddings.")
    boolean lexical;

    @ParentCommand
    FootnoteCommand root;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--dump", paramLabel = "DIR", description = "Write the misjudged sentences to files in DIR, for tuning.")
    Path dump;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = new LinkedHashMap<>();
        if (dump != null) {
            Files.createDirectories(dump);
        }
        int measured = 0;
        if (Files.isRegularFile(weasel)) {
            Map<String, Object> w = evalWeasel(weasel);
            result.put("weasel", w);
            measured++;
            if (!json) {
                out.printf(Locale.ROOT, "claims (weasel %s, %d sentences): P %.3f R %.3f F1 %.3f  (tp %d, fp %d, fn %d)%n",
                        weasel.getFileName(), w.get("sentences"), w.get("precision"), w.get("recall"), w.get("f1"),
                        w.get("tp"), w.get("fp"), w.get("fn"));
            }
        } else {
            result.put("weasel", null);
            if (!json) {
                out.println("claims: no weasel data at " + weasel + " (skipped)");
            }
        }
        if (Files.isRegularFile(support)) {
            Map<String, Object> s = evalSupport(support);
            result.put("support", s);
            measured++;
            if (!json) {
                out.printf(Locale.ROOT, "support (QAGS %s, %d sentences): balanced accuracy %.3f (even articles %.3f, odd %.3f)  "
                                + "(supported recall %.3f, unsupported recall %.3f, unsure %d, embeddings %s)%n",
                        support.getFileName(), s.get("sentences"), s.get("balanced_accuracy"), s.get("even_articles"),
                        s.get("odd_articles"), s.get("tpr"), s.get("tnr"), s.get("unsure"), s.get("embeddings"));
            }
        } else {
            result.put("support", null);
            if (!json) {
                out.println("support: no QAGS data at " + support + " (skipped)");
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(result));
        } else if (measured == 0) {
            out.println("Nothing measured: give --weasel and --support, or run from the project folder with ../shared/data present.");
        }
        out.flush();
        if (measured == 0) {
            // A script that runs this as a gate must not read "nothing to measure" as "measured and fine".
            PrintWriter err = spec.commandLine().getErr();
            err.println("footnote: eval-claims measured nothing (no data at " + weasel + " or " + support + ").");
            err.flush();
            return ExitCodes.PARTLY;
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> evalWeasel(Path csv) throws IOException {
        ClaimClassifier classifier = new ClaimClassifier();
        ClaimContext ctx = ClaimContext.none();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int n = 0;
        List<String> fps = new ArrayList<>();
        List<String> fns = new ArrayList<>();
        Map<String, int[]> cueCounts = new java.util.TreeMap<>();
        for (String[] row : readCsv(csv)) {
            String text = String.join(" ", row[0].strip().split("\\s+"));
            if (text.isEmpty()) {
                continue;
            }
            boolean gold = row[1].strip().equals("1");
            SentenceClaim c = classifier.classify(text, ctx);
            n++;
            for (String cue : c.cues()) {
                int[] k = cueCounts.computeIfAbsent(cue.toLowerCase(Locale.ROOT), x -> new int[4]);
                k[(gold ? 0 : 1) + (c.flag() ? 0 : 2)]++;
            }
            if (c.flag() && gold) {
                tp++;
            } else if (c.flag()) {
                fp++;
                fps.add(c.kind() + "\t" + c.cues() + "\t" + text);
            } else if (gold) {
                fn++;
                fns.add(c.cues() + "\t" + text);
            }
        }
        if (dump != null) {
            Files.write(dump.resolve("weasel-false-flags.txt"), fps, StandardCharsets.UTF_8);
            Files.write(dump.resolve("weasel-missed.txt"), fns, StandardCharsets.UTF_8);
            List<String> cs = new ArrayList<>();
            cs.add("cue\tflagged&weasel\tflagged&not\tunflagged&weasel\tunflagged&not");
            cueCounts.forEach((k, v) -> cs.add(k + "\t" + v[0] + "\t" + v[1] + "\t" + v[2] + "\t" + v[3]));
            Files.write(dump.resolve("weasel-cues.tsv"), cs, StandardCharsets.UTF_8);
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", n);
        m.put("precision", round(p));
        m.put("recall", round(r));
        m.put("f1", round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
        m.put("tp", tp);
        m.put("fp", fp);
        m.put("fn", fn);
        return m;
    }

    private Map<String, Object> evalSupport(Path jsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        // Run on its own (no root command, as in tests) it checks wording alone.
        SupportChecker checker = lexical || root == null ? new SupportChecker() : root.app().supportChecker();
        // Counts per half of the file (even and odd articles), so a change can be checked on both.
        int[][] counts = new int[2][4]; // tp, fp, tn, fn
        int unsure = 0;
        int row = 0;
        List<String> fps = new ArrayList<>();
        List<String> fns = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = mapper.readTree(line);
                int half = row++ % 2;
                List<String> passages = List.of(ArticleFile.parse(d.path("article").asText("")).body());
                for (JsonNode x : d.path("summary_sentences")) {
                    String s = String.join(" ", x.path("sentence").asText("").strip().split("\\s+")).strip();
                    int yes = 0;
                    int all = 0;
                    for (JsonNode resp : x.path("responses")) {
                        all++;
                        if ("yes".equals(resp.path("response").asText())) {
                            yes++;
                        }
                    }
                    boolean gold = yes * 2 > all;
                    SupportVerdict v = checker.check(s, passages);
                    // Unsure is not flagged to the reader, so it counts as supported (as measure does).
                    boolean kept = v.status() != SupportVerdict.Status.UNSUPPORTED;
                    if (v.unsure()) {
                        unsure++;
                    }
                    int[] k = counts[half];
                    if (kept && gold) {
                        k[0]++;
                    } else if (kept) {
                        k[1]++;
                        fps.add(s + "\n    << " + v.passage() + "\n    -- " + v.reason());
                    } else if (gold) {
                        k[3]++;
                        fns.add(s + "\n    << " + v.passage() + "\n    -- " + v.reason());
                    } else {
                        k[2]++;
                    }
                }
            }
        }
        if (dump != null) {
            Files.write(dump.resolve("support-false-supported.txt"), fps, StandardCharsets.UTF_8);
            Files.write(dump.resolve("support-false-unsupported.txt"), fns, StandardCharsets.UTF_8);
        }
        int[] t = new int[4];
        for (int[] k : counts) {
            for (int i = 0; i < 4; i++) {
                t[i] += k[i];
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", t[0] + t[1] + t[2] + t[3]);
        m.put("balanced_accuracy", round(balanced(t)));
        m.put("even_articles", round(balanced(counts[0])));
        m.put("odd_articles", round(balanced(counts[1])));
        m.put("tpr", round(rate(t[0], t[3])));
        m.put("tnr", round(rate(t[2], t[1])));
        m.put("tp", t[0]);
        m.put("fp", t[1]);
        m.put("tn", t[2]);
        m.put("fn", t[3]);
        m.put("unsure", unsure);
        m.put("embeddings", checker.usesEmbeddings());
        return m;
    }

    private static double rate(int hit, int miss) {
        return hit + miss == 0 ? 0 : (double) hit / (hit + miss);
    }

    /** Balanced accuracy of counts {tp, fp, tn, fn}. */
    private static double balanced(int[] k) {
        return (rate(k[0], k[3]) + rate(k[2], k[1])) / 2;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** Rows of a two-column CSV with a header, RFC 4180 quoting (fields may hold newlines). */
    static List<String[]> readCsv(Path path) throws IOException {
        String s = Files.readString(path, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                f.setLength(0);
                if (header) {
                    header = false;
                } else if (fields.size() >= 2) {
                    rows.add(new String[] {fields.get(0), fields.get(1)});
                }
                fields = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !fields.isEmpty()) {
            fields.add(f.toString());
            if (!header && fields.size() >= 2) {
                rows.add(new String[] {fields.get(0), fields.get(1)});
            }
        }
        return rows;
    }
}
