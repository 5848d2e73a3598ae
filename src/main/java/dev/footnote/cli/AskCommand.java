package dev.footnote.cli;

import dev.footnote.answer.AnswerService;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a question from the articles; every sentence cites its passage as [n].")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions providerOptions;

    @Parameters(paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--article", paramLabel = "ID", description = "Only use this article (id or title).")
    String article;

    @Option(names = "--json", description = "Print {\"answer\", \"refused\", \"citations\", \"flags\"} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        App app = root.app();
        providerOptions.applyTo(app);
        app.offerSamples();
        AnswerService service = app.answerService();
        String articleId = article == null ? null : service.resolveArticle(article).id();
        AnswerService.Result r = service.ask(question, articleId, List.of(), "cli");
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Render.json(r.answer()) + "\n" : Render.answer(r.answer()));
        out.flush();
        return 0;
    }
}
