package dev.footnote.eval;

import dev.footnote.answer.AnswerService;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.Storage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a case file through the {@code ask} pipeline once per prompt set and provider, scores every
 * answer and compares the prompt sets. A failure on one case (a provider error, a timeout, a
 * question the pipeline rejects) is recorded on that case and the run goes on; only problems that
 * would fail every case (a bad case file, a provider that cannot be set up) stop it.
 */
public final class PromptLab {

    /** Told after every case, for a progress bar. */
    public interface Progress {
        void update(String run, int done, int total);

        default void done() {
        }

        Progress NONE = (run, done, total) -> { };
    }

    public static final String ORIGIN = "eval";

    private final Storage store;
    private final PipelineFactory factory;

    public PromptLab(Storage store, PipelineFactory factory) {
        this.store = store;
        this.factory = factory;
    }

    /**
     * @param candidate the {@code --prompts} set (the one gates apply to)
     * @param baseline  the {@code --against} set, or null
     * @param providers one or more providers; each prompt set runs with each
     */
    public LabReport run(CaseFile file, PromptSet candidate, PromptSet baseline, List<ProviderOverride> providers,
                         List<Gate> gates, Progress progress) {
        List<EvalCase> cases = file.cases();
        Map<String, List<String>> expected = resolveArticles(cases);
        List<ProviderOverride> ps = providers == null || providers.isEmpty() ? List.of(ProviderOverride.CONFIGURED) : providers;

        // Build every pipeline first, so a provider that cannot be set up stops the run before any case is asked.
        record Planned(String role, PromptSet set, ProviderOverride provider, Pipeline pipeline) {
        }
        List<Planned> plan = new ArrayList<>();
        for (ProviderOverride p : ps) {
            if (baseline != null) {
                plan.add(new Planned(RunResult.BASELINE, baseline, p, factory.create(baseline.dir(), p)));
            }
            plan.add(new Planned(RunResult.CANDIDATE, candidate, p, factory.create(candidate.dir(), p)));
        }

        int total = cases.size() * plan.size();
        int done = 0;
        List<RunResult> runs = new ArrayList<>();
        for (Planned pl : plan) {
            Pipeline pipe = pl.pipeline();
            String label = pl.set().label() + " / " + pipe.provider();
            List<CaseResult> results = new ArrayList<>();
            for (EvalCase c : cases) {
                results.add(runCase(c, expected.get(c.id()), pipe));
                progress.update(label, ++done, total);
            }
            runs.add(new RunResult(0, pl.role(), pl.set().label(), pl.set().dir() == null ? null : pl.set().dir().toString(),
                    pipe.promptVersion(), pipe.provider(), pipe.model(), pipe.usesPrompts(), pipe.checksClaims(),
                    Metrics.of(results), results));
        }
        progress.done();

        List<Comparison> comparisons = new ArrayList<>();
        if (baseline != null) {
            for (int i = 0; i + 1 < runs.size(); i += 2) {
                comparisons.add(Comparison.of(runs.get(i), runs.get(i + 1)));
            }
        }
        List<Gate.Result> gateResults = new ArrayList<>();
        for (Gate g : gates == null ? List.<Gate>of() : gates) {
            for (RunResult r : runs) {
                if (RunResult.CANDIDATE.equals(r.role())) {
                    gateResults.add(g.check(r));
                }
            }
        }
        return new LabReport(file.path().toString(), file.hash(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                UUID.randomUUID().toString(), runs, comparisons, gateResults, notes(runs, baseline != null));
    }

    private CaseResult runCase(EvalCase c, List<String> expectedIds, Pipeline pipe) {
        long t0 = System.nanoTime();
        AnswerService.Result r = null;
        String error = null;
        try {
            r = pipe.service().ask(c.question(), null, List.of(), ORIGIN);
        } catch (RuntimeException e) {
            error = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Integer in = null;
        Integer out = null;
        if (r != null && r.id() > 0) {
            Optional<AnswerRecord> rec = store.answers().get(r.id());
            if (rec.isPresent()) {
                in = rec.get().inputTokens();
                out = rec.get().outputTokens();
            }
        }
        return Scorer.score(c, expectedIds, r, error, ms, in, out, pipe.checksClaims())
                .withFirstToken(r == null ? null : r.timeToFirstTokenMs());
    }

    /** Each case's expect_articles as article ids; a reference that matches no article, or several, stops the run. */
    Map<String, List<String>> resolveArticles(List<EvalCase> cases) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EvalCase c : cases) {
            List<String> ids = new ArrayList<>();
            for (String ref : c.expectArticles()) {
                List<ArticleSummary> found = store.articles().find(ref);
                if (found.isEmpty()) {
                    throw new EvalException("case " + c.id() + ": expect_articles \"" + ref
                            + "\" matches no article in " + store.database().location() + "; ingest it, or list articles with `articles`.");
                }
                if (found.size() > 1) {
                    throw new EvalException("case " + c.id() + ": expect_articles \"" + ref + "\" matches " + found.size()
                            + " articles (" + String.join(", ", found.stream().limit(4).map(ArticleSummary::id).toList())
                            + (found.size() > 4 ? ", ..." : "") + "); use an id.");
                }
                ids.add(found.get(0).id());
            }
            out.put(c.id(), ids);
        }
        return out;
    }

    static List<String> notes(List<RunResult> runs, boolean compared) {
        List<String> notes = new ArrayList<>();
        if (compared && runs.stream().anyMatch(r -> !r.usesPrompts())) {
            notes.add("The offline answerer does not use prompt templates: both prompt sets give the same answers with it. "
                    + "Compare prompts with a model provider (--provider).");
        } else if (runs.stream().anyMatch(r -> !r.usesPrompts())) {
            notes.add("The offline answerer does not use prompt templates; these results measure the pipeline, not the prompts.");
        }
        if (runs.stream().anyMatch(r -> !r.checksClaims())) {
            notes.add("No claim checker is wired in this build: support rate is not measured, and flag expectations "
                    + "can only be met by flags the pipeline adds itself.");
        }
        return notes;
    }
}
