package dev.footnote.cli;

import dev.footnote.answer.AnswerService;
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

    @Option(names = "--json", description = "Print {\"answer\", \"refused\", \"citations\", \"flags\"} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        App app = root.app();
        providerOptions.applyTo(app);
        app.offerSamples();
        AnswerService.Result r = app.answerService().summarize(article, "cli");
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Render.json(r.answer()) + "\n" : Render.answer(r.answer()));
        out.flush();
        return 0;
    }
}
