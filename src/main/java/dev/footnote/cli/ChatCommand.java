package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.app.UserException;
import dev.footnote.text.Plural;
import dev.footnote.answer.AnswerException;
import dev.footnote.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "chat", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote chat", "    then type a question, or /summarize bridge, /sources, /articles, /help; Ctrl-D or /quit ends"},
        description = "An interactive session with the Discord bot's commands: /ask, /summarize, /sources, /articles.")
final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions providerOptions;

    @Override
    public Integer call() throws IOException {
        App app = root.app();
        ProviderOverride override = providerOptions.checkedIn(app);
        app.offerSamples();
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean terminal = root.terminal();
        int width = TextWrap.width(root.env("COLUMNS"));
        ChatSession session = new ChatSession(app.answerService(override), app.storage(), app.config().answer().historyTurns(),
                terminal ? new LivePrinter(out, width) : null);
        out.println("Footnote chat: " + Plural.of(app.storage().articles().count(), "article") + ". Type /help for commands, /quit to leave.");
        loop(line -> {
            try {
                return session.handle(line);
            } catch (AnswerException | StoreException | UserException e) {
                return e.getMessage();
            }
        }, in, out, terminal, width);
        out.flush();
        return 0;
    }

    /**
     * Reads lines until the end of input or /quit. On a terminal: a prompt, replies wrapped to the
     * width, and a newline after Ctrl-D so the shell's prompt starts on its own line. Piped, the
     * replies are printed exactly as they are, for scripts.
     */
    static void loop(java.util.function.UnaryOperator<String> handler, BufferedReader in, PrintWriter out, boolean terminal,
                     int width) throws IOException {
        while (true) {
            if (terminal) {
                out.print("footnote> ");
            }
            out.flush();
            String line = in.readLine();
            if (line == null) {
                if (terminal) {
                    out.println();
                }
                break;
            }
            String reply = handler.apply(line);
            if (reply == null) {
                break;
            }
            if (!reply.isEmpty()) {
                out.println(terminal ? TextWrap.wrap(reply, width) : reply);
            }
        }
    }
}
