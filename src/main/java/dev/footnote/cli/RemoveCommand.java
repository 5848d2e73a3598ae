package dev.footnote.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote remove lowmere-s-harbor-bridge-reopens-after", "  footnote remove \"harbor bridge\"     (a unique part of the title)"}, description = "Remove an article and its passages.")
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Article id, as listed by 'footnote articles'.")
    String id;

    @Override
    public Integer call() {
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        if (!app.store().removeArticle(id.strip())) {
            throw new UserException("No article has the id \"" + id + "\"; see 'footnote articles'.");
        }
        out.println("Removed " + id.strip() + ".");
        out.flush();
        return 0;
    }
}
