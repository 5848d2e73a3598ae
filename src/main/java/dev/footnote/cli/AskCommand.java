package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.app.UserException;
import dev.footnote.text.Plural;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.DraftListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        description = "Answer a question from the articles; every sentence cites its passage as [n].",
        footer = {"", "Examples:",
                "  footnote ask \"How much did the Harbor Bridge repairs cost?\"",
                "  footnote ask --questions questions.txt --json > answers.jsonl"})
final class AskCommand implements Callable<Integer> {

    /** A questions file larger than this is surely not one question per line. */
    static final long MAX_QUESTIONS_BYTES = 16L << 20;

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions providerOptions;

    @Parameters(paramLabel = "QUESTION", arity = "0..1", description = "The question, in quotes.")
    String question;

    @Option(names = "--questions", paramLabel = "FILE",
            description = "Answer every line of FILE as a question, in order, in one process (blank lines are skipped).")
    Path questions;

    @Option(names = "--article", paramLabel = "ID", description = "Only use this article (id or title).")
    String article;

    @Option(names = "--json", description = "Print {\"answer\", \"refused\", \"citations\", \"flags\", \"closest\", "
            + "\"time_to_first_token_ms\"} as JSON; with --questions one object per line, with \"question\" added.")
    boolean json;

    @Override
    public Integer call() {
        if ((question == null) == (questions == null)) {
            throw new UserException(question == null
                    ? "Give a question in quotes, or a file of questions with --questions FILE."
                    : "Give either a question or --questions FILE, not both.");
        }
        List<String> batch = questions == null ? null : readQuestions(questions);
        App app = root.app();
        ProviderOverride override = providerOptions.checkedIn(app);
        app.offerSamples();
        AnswerService service = app.answerService(override);
        String articleId = article == null ? null : service.resolveArticle(article).id();
        PrintWriter out = spec.commandLine().getOut();
        if (batch == null) {
            // A person at a terminal sees the text as it is written; --json and piped output stay whole.
            LivePrinter live = !json && root.terminal() ? new LivePrinter(out, TextWrap.width(root.env("COLUMNS"))) : null;
            AnswerService.Result r;
            try {
                r = service.ask(question, articleId, List.of(), "cli", live == null ? DraftListener.NONE : live);
            } finally {
                if (live != null) {
                    live.erase();
                }
            }
            out.print(json ? Render.json(Render.answerJson(r)) + "\n" : Render.answer(r.answer()));
            out.flush();
            return 0;
        }
        int failed = 0;
        for (String q : batch) {
            try {
                AnswerService.Result r = service.ask(q, articleId, List.of(), "cli");
                out.print(json ? Render.json(withQuestion(q, Render.answerJson(r))) + "\n"
                        : "Q: " + q + "\n" + Render.answer(r.answer()) + "\n");
            } catch (AnswerException e) {
                // One question the provider could not answer must not cost the others theirs.
                failed++;
                out.print(json ? Render.json(withQuestion(q, Render.JSON.createObjectNode().put("error", e.getMessage()))) + "\n"
                        : "Q: " + q + "\n" + e.getMessage() + "\n\n");
            }
            out.flush();
        }
        if (failed > 0) {
            spec.commandLine().getErr().println(failed + " of " + Plural.of(batch.size(), "question") + " could not be answered; "
                    + "their lines say why.");
            return 1;
        }
        return 0;
    }

    private static ObjectNode withQuestion(String q, ObjectNode rest) {
        ObjectNode o = Render.JSON.createObjectNode().put("question", q);
        o.setAll(rest);
        return o;
    }

    /** The non-blank lines of a UTF-8 text file, each stripped. */
    static List<String> readQuestions(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserException(file + " is not a file of questions; give a text file with one question per line.");
            }
            if (Files.size(file) > MAX_QUESTIONS_BYTES) {
                throw new UserException(file + " is over " + (MAX_QUESTIONS_BYTES >> 20) + " MB; split it into smaller files.");
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new UserException(file + " holds no questions; write one question per line.");
            }
            return lines;
        } catch (CharacterCodingException e) {
            throw new UserException(file + " is not UTF-8 text; save it as UTF-8 with one question per line.");
        } catch (IOException e) {
            throw new UserException("Cannot read " + file + " (" + e.getMessage() + ").");
        }
    }
}
