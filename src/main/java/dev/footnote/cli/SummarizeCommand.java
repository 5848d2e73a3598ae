package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.ProfileWords;
import dev.footnote.store.SourcingProfile;
import dev.footnote.store.ClaimLabels;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote summarize lowmere-s-harbor-bridge-reopens-after", "  footnote summarize \"harbor bridge\" --json"}, description = "A cited summary of one article.")
final class SummarizeCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions providerOptions;

    @Parameters(paramLabel = "ARTICLE", description = "Article id or (part of) its title.")
    String article;

    @Option(names = "--json", description = "Print {\"answer\", \"refused\", \"citations\", \"flags\", \"profile\"} as JSON.")
    boolean json;

    /** The summarised article's profile, read from what ingest stored; null when no passage was given. */
    static SourcingProfile profile(ClaimLabels store, AnswerService.Result r) {
        return r.given().isEmpty() ? null : store.profileOf(r.given().get(0).passage().articleId());
    }

    /** "Sourcing: 14 claims: 2 sourced, ..." and a blank line, at the head of a summary; empty when none. */
    static String profileLine(ClaimLabels store, AnswerService.Result r) {
        SourcingProfile p = profile(store, r);
        return p == null ? "" : "Sourcing: " + ProfileWords.of(p) + "\n\n";
    }

    @Override
    public Integer call() {
        App app = root.app();
        ProviderOverride override = providerOptions.checkedIn(app);
        app.offerSamples();
        AnswerService.Result r = app.answerService(override).summarize(article, "cli");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // The answer's shape as before, plus the article's sourcing profile.
            com.fasterxml.jackson.databind.node.ObjectNode o = Render.JSON.valueToTree(r.answer());
            SourcingProfile p = profile(app.storage().claims(), r);
            if (p != null) {
                o.set("profile", Render.JSON.valueToTree(p));
            }
            out.print(Render.json(o) + "\n");
        } else {
            out.print(profileLine(app.storage().claims(), r) + Render.answer(r.answer()));
        }
        out.flush();
        return 0;
    }
}
