package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import dev.footnote.store.Article;
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

    @Parameters(paramLabel = "ARTICLE", description = "Article id, as listed by 'footnote articles', or a part of its title that only it has.")
    String article;

    @Override
    public Integer call() {
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        Article a = app.articles().resolve(article);
        if (!app.storage().articles().remove(a.id())) {
            throw new UserException("The article " + a.id() + " was just removed by another program.");
        }
        out.println("Removed " + a.id() + " (" + a.title() + ").");
        out.flush();
        return 0;
    }
}
