package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.footnote.Footnote;
import dev.footnote.app.UserException;
import dev.footnote.cli.FootnoteCommand;
import dev.footnote.config.DiscordConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --shards and discord.shards: which shards a process runs, and one line for each way to get it wrong. */
class ShardPlanTest {

    @TempDir
    Path dir;

    @Test
    void aRangeASingleShardATotalOrAuto() {
        assertThat(ShardPlan.parse("0-3/8")).isEqualTo(new ShardPlan(0, 3, 8));
        assertThat(ShardPlan.parse("0-3/8").ids(8)).containsExactly(0, 1, 2, 3);
        assertThat(ShardPlan.parse(" 2/8 ")).isEqualTo(new ShardPlan(2, 2, 8));
        assertThat(ShardPlan.parse("8")).isEqualTo(new ShardPlan(0, 7, 8));
        assertThat(ShardPlan.parse("AUTO").auto()).isTrue();
        assertThat(ShardPlan.parse("auto").ids(3)).containsExactly(0, 1, 2);
    }

    @Test
    void malformedOrOutOfRangeShardsAreOneLine() {
        assertThat(error("4/4")).isEqualTo("--shards 4/4: shard ids go from 0 to 3 of 4.");
        assertThat(error("2-9/8")).isEqualTo("--shards 2-9/8: shard ids go from 0 to 7 of 8.");
        assertThat(error("3-1/8")).isEqualTo("--shards 3-1/8: the first shard must not come after the last.");
        assertThat(error("0/0")).startsWith("--shards 0/0: the total must be from 1 to");
        assertThat(error("0")).startsWith("--shards 0: the number of shards must be from 1 to");
        for (String bad : List.of("", "x", "0-3", "-1/2", "1/2/3", "0..3/8", "1 of 2")) {
            assertThat(error(bad)).as(bad).contains("write FIRST-LAST/TOTAL (0-3/8: shards 0 to 3 of 8), ID/TOTAL (2/8), TOTAL or auto");
        }
    }

    @Test
    void theConfigGivesThePlanWhenTheFlagDoesNot() {
        assertThat(ShardPlan.of(DiscordConfig.defaults())).isEqualTo(ShardPlan.SINGLE);
        assertThat(ShardPlan.of(withShards("4"))).isEqualTo(new ShardPlan(0, 3, 4));
        assertThat(ShardPlan.of(withShards("auto")).auto()).isTrue();
    }

    @Test
    void describedForTheOnlineMessage() {
        assertThat(ShardPlan.describe(List.of(0), 1)).isEqualTo("1 shard");
        assertThat(ShardPlan.describe(List.of(2), 8)).isEqualTo("shard 2 of 8");
        assertThat(ShardPlan.describe(List.of(0, 1, 2, 3), 8)).isEqualTo("shards 0-3 of 8");
        assertThat(ShardPlan.describe(List.of(0, 1), 2)).isEqualTo("all 2 shards");
    }

    @Test
    void aBadFlagStopsFootnoteBotWithOneLineBeforeItLooksForTheToken() {
        FootnoteCommand root = new FootnoteCommand(Map.of("FOOTNOTE_DB", dir.resolve("f.db").toString()));
        CommandLine cl = Footnote.commandLine(root);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("bot", "--shards", "8/8");
        root.closeApp();
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("footnote: --shards 8/8: shard ids go from 0 to 7 of 8." + System.lineSeparator());
    }

    private static String error(String flag) {
        String m = catchThrowableOfType(() -> ShardPlan.parse(flag), UserException.class).getMessage();
        assertThat(m).doesNotContain("\n");
        return m;
    }

    private static DiscordConfig withShards(String shards) {
        return new DiscordConfig(null, null, null, null, null, null, null, null, null, null, null, shards);
    }
}
