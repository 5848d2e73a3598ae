package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import dev.footnote.eval.CaseFile;
import dev.footnote.eval.EvalException;
import dev.footnote.eval.EvalHistory;
import dev.footnote.eval.Gate;
import dev.footnote.eval.LabReport;
import dev.footnote.eval.Metrics;
import dev.footnote.eval.PromptLab;
import dev.footnote.eval.PromptSet;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.eval.Reports;
import dev.footnote.eval.TextReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote eval cases.yaml --report build/prompt-lab", "  footnote eval cases.yaml --prompts prompts-new --against prompts --fail-under citation_precision=0.8", "  footnote eval --history"},
        description = {"Prompt lab: run a case file through the ask pipeline with a prompt set (and another to compare),"
                + " score citations, refusals, flags and support, and store the run.",
                "Exit code: 0, or 3 when a --fail-under gate fails (1 on errors)."})
final class EvalCommand implements Callable<Integer> {

    static final int GATE_FAILED = ExitCodes.PARTLY;

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CASES.yaml", arity = "0..1", description = "The case file (see config/eval-cases.example.yaml).")
    Path cases;

    @Option(names = "--prompts", paramLabel = "DIR", description = "Prompt set to evaluate (default: the configured prompts).")
    Path prompts;

    @Option(names = "--against", paramLabel = "DIR", description = "A second prompt set to compare with, side by side.")
    Path against;

    @Option(names = "--provider", paramLabel = "NAME", split = ",",
            description = "Answer with this provider (repeatable, or comma-separated; default: answer.provider).")
    List<String> providers = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL", description = "Server for the model providers of this run.")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "Model for the model providers of this run.")
    String model;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.md, report.json and report.html into DIR.")
    Path report;

    @Option(names = "--json", description = "Print the report (or --history) as JSON.")
    boolean json;

    @Option(names = "--fail-under", paramLabel = "METRIC=VALUE", parameterConsumer = GateConsumer.class,
            description = "Exit with code 3 when a metric of the --prompts run is below VALUE (0..1 or a percentage),"
                    + " e.g. citation_precision=0.8 refusal_accuracy=90%%. Metrics: pass_rate, citation_validity,"
                    + " citation_precision, citation_recall, refusal_accuracy, flag_accuracy, support_rate.")
    List<String> failUnder = new ArrayList<>();

    @Option(names = "--history", description = "List stored runs, newest first (only those over CASES.yaml's file name if given).")
    boolean history;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "With --history: at most N runs (default: 20).")
    int limit;

    @Override
    public Integer call() {
        try {
            return history ? history() : evaluate();
        } catch (EvalException e) {
            throw new UserException(e.getMessage());
        }
    }

    private int evaluate() {
        if (cases == null) {
            throw new UserException("Give a case file: footnote eval CASES.yaml (see config/eval-cases.example.yaml), "
                    + "or list stored runs with footnote eval --history.");
        }
        List<Gate> gates = failUnder.stream().map(Gate::parse).toList();
        CaseFile file = CaseFile.load(cases);
        PromptSet candidate = prompts == null ? PromptSet.configured() : promptSet(prompts, "--prompts");
        PromptSet baseline = against == null ? null : promptSet(against, "--against");
        if (baseline != null && baseline.label().equals(candidate.label())) {
            baseline = new PromptSet(against.toString(), baseline.dir());
            candidate = new PromptSet(prompts == null ? candidate.label() : prompts.toString(), candidate.dir());
        }
        List<ProviderOverride> overrides = overrides();

        App app = root.app();
        app.offerSamples();
        PrintWriter err = spec.commandLine().getErr();
        PromptLab lab = new PromptLab(app.storage(), app.pipelines());
        LabReport r = lab.run(file, candidate, baseline, overrides, gates, new ProgressBar(err, System.console() != null));
        r = new EvalHistory(app.storage().promptLab()).save(r);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Reports.json(r));
        } else {
            out.print(TextReport.render(r));
        }
        if (report != null) {
            List<Path> written = Reports.write(r, report);
            PrintWriter where = json ? err : out;
            where.println("Report: " + String.join(", ", written.stream().map(Path::toString).toList()));
            where.flush();
        }
        out.flush();
        if (!r.gatesPassed()) {
            long failed = r.gates().stream().filter(g -> !g.passed()).count();
            err.println("footnote: " + failed + (failed == 1 ? " gate" : " gates") + " failed (--fail-under).");
            err.flush();
            return GATE_FAILED;
        }
        return 0;
    }

    private List<ProviderOverride> overrides() {
        List<String> names = providers.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        if (names.isEmpty()) {
            return List.of(new ProviderOverride(null, baseUrl, model));
        }
        if ((baseUrl != null || model != null) && names.stream().allMatch(App.OFFLINE::equals)) {
            throw new UserException("--base-url and --model need a model provider; the offline answerer uses no model.");
        }
        List<ProviderOverride> out = new ArrayList<>();
        for (String n : names) {
            out.add(App.OFFLINE.equals(n) ? new ProviderOverride(n, null, null) : new ProviderOverride(n, baseUrl, model));
        }
        return out;
    }

    private static PromptSet promptSet(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(option + " " + dir + " is not a folder; give a folder of prompt templates "
                    + "(system.txt, answer.txt, summarize.txt, verify.txt).");
        }
        return PromptSet.of(dir);
    }

    private int history() {
        if (limit < 1) {
            throw new UserException("--limit must be at least 1.");
        }
        App app = root.app();
        List<EvalHistory.Row> rows = new EvalHistory(app.storage().promptLab()).list(cases == null ? null : cases.toString(), limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (EvalHistory.Row row : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", row.id());
                m.put("batch", row.batch());
                m.put("created_at", row.createdAt());
                m.put("cases_file", row.casesFile());
                m.put("cases_hash", row.casesHash());
                m.put("case_count", row.caseCount());
                m.put("role", row.role());
                m.put("prompt_set", row.promptSet());
                m.put("prompts_dir", row.promptsDir());
                m.put("prompt_version", row.promptVersion());
                m.put("provider", row.provider());
                m.put("model", row.model());
                m.put("metrics", row.metrics().all());
                items.add(m);
            }
            out.println(Render.json(Map.of("runs", items)));
        } else if (rows.isEmpty()) {
            out.println("No prompt-lab runs stored yet; run footnote eval CASES.yaml.");
        } else {
            out.println(String.format(Locale.ROOT, "%-5s %-20s %-34s %-14s %-16s %-9s %s", "run", "when", "cases (hash)",
                    "prompts", "provider", "passed", "valid  prec   recall refus  flags  supp   p50ms"));
            for (EvalHistory.Row row : rows) {
                Metrics m = row.metrics();
                StringBuilder rates = new StringBuilder();
                for (String k : List.of("citation_validity", "citation_precision", "citation_recall", "refusal_accuracy",
                        "flag_accuracy", "support_rate")) {
                    Double v = m.rates().get(k);
                    rates.append(String.format(Locale.ROOT, "%-7s", v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v)));
                }
                rates.append(m.latencyP50Ms() == null ? "n/a" : m.latencyP50Ms());
                String file = Path.of(row.casesFile()).getFileName() + " (" + row.casesHash().substring(0, 6) + ")";
                out.println(String.format(Locale.ROOT, "%-5d %-20s %-34s %-14s %-16s %-9s %s", row.id(), row.createdAt(),
                        file, row.promptSet() + (row.role().equals("baseline") ? "*" : ""), row.provider(),
                        m.passed() + "/" + m.cases(), rates));
            }
            out.println("(* = --against run)");
        }
        out.flush();
        return 0;
    }

    /** Takes one or more METRIC=VALUE after --fail-under, stopping at the first argument that is not one. */
    static final class GateConsumer implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            List<String> values = argSpec.getValue();
            List<String> list = values == null ? new ArrayList<>() : new ArrayList<>(values);
            if (args.isEmpty() || args.peek().startsWith("-")) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "--fail-under needs METRIC=VALUE, e.g. --fail-under citation_precision=0.8");
            }
            list.add(args.pop());
            while (!args.isEmpty() && args.peek().matches("[A-Za-z][A-Za-z_-]*=.*")) {
                list.add(args.pop());
            }
            argSpec.setValue(list);
        }
    }
}
