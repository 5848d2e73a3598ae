package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.eval.Confusion;
import dev.footnote.eval.QagsFile;
import dev.footnote.eval.SupportFigures;
import dev.footnote.eval.SupportMeasure;
import dev.footnote.eval.TwoColumnCsv;
import dev.footnote.eval.WeaselFigures;
import dev.footnote.eval.WeaselMeasure;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.SupportChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * Prepares sentences exactly as {@code shared/tools/measure} does, in one JVM. The measuring is
 * {@link WeaselMeasure}'s and {@link SupportMeasure}'s; this command reads the options and prints.
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
        WeaselFigures f = new WeaselMeasure(new ClaimClassifier()).measure(TwoColumnCsv.read(csv));
        if (dump != null) {
            f.writeMisjudged(dump);
        }
        Confusion k = f.flagged();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", k.total());
        m.put("precision", round(k.precision()));
        m.put("recall", round(k.recall()));
        m.put("f1", round(k.f1()));
        m.put("tp", k.tp());
        m.put("fp", k.fp());
        m.put("fn", k.fn());
        return m;
    }

    private Map<String, Object> evalSupport(Path jsonl) throws IOException {
        // Run on its own (no root command, as in tests) it checks wording alone.
        SupportChecker checker = lexical || root == null ? new SupportChecker() : root.app().supportChecker();
        SupportFigures f = new SupportMeasure(checker, raw -> ArticleFile.parse(raw).body()).measure(QagsFile.read(jsonl));
        if (dump != null) {
            f.writeMisjudged(dump);
        }
        Confusion t = f.all();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", t.total());
        m.put("balanced_accuracy", round(t.balancedAccuracy()));
        m.put("even_articles", round(f.even().balancedAccuracy()));
        m.put("odd_articles", round(f.odd().balancedAccuracy()));
        m.put("tpr", round(t.recall()));
        m.put("tnr", round(t.specificity()));
        m.put("tp", t.tp());
        m.put("fp", t.fp());
        m.put("tn", t.tn());
        m.put("fn", t.fn());
        m.put("unsure", f.unsure());
        m.put("embeddings", f.embeddings());
        return m;
    }

    /** Rounded once, here: the text line prints these same values, so both outputs agree to the last digit. */
    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
