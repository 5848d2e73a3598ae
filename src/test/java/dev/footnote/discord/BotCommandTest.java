package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.Footnote;
import dev.footnote.cli.FootnoteCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BotCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutATokenItExitsWithOneLineSayingHowToGetOne() {
        FootnoteCommand root = new FootnoteCommand(Map.of("FOOTNOTE_DB", dir.resolve("f.db").toString(), "DISCORD_TOKEN", "  "));
        CommandLine cl = Footnote.commandLine(root);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("bot");
        root.closeApp();
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("footnote: " + BotCommand.NO_TOKEN + System.lineSeparator());
        assertThat(BotCommand.NO_TOKEN).doesNotContain("\n").contains("https://discord.com/developers/applications", "export DISCORD_TOKEN=");
    }

    @Test
    void botIsListedAmongTheSubcommands() {
        assertThat(Footnote.commandLine(new FootnoteCommand(Map.of())).getSubcommands()).containsKey("bot");
    }
}
