package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.Footnote;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code help CMD} prints that command's help, and every command's help ends with examples. */
class HelpTest {

    private final Cli cli = new Cli();

    @Test
    void helpWithACommandPrintsThatCommandsHelp() {
        Cli.Run r = cli.run("help", "ask");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: footnote ask").contains("--questions").contains("Examples:");
        assertThat(r.out()).isEqualTo(cli.run("ask", "--help").out());
        assertThat(cli.run("help").out()).startsWith("Usage: footnote").contains("Exit codes:");
    }

    @Test
    void everyCommandsHelpHasAnExample() {
        CommandLine root = Footnote.commandLine(new FootnoteCommand(java.util.Map.of()));
        assertThat(root.getSubcommands()).hasSizeGreaterThan(10);
        root.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String usage = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(usage).as(name).contains("Examples:").contains("footnote " + name);
        });
    }
}
