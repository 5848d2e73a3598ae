package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each common YAML mistake gives one plain line naming the file, the line and the key; never Java or parser words. */
class ConfigMistakesTest {

    @TempDir
    Path dir;

    private String message(String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve("config.yml"), yaml);
        String m = catchThrowableOfType(() -> new ConfigLoader().load(f), ConfigException.class).getMessage();
        assertThat(m).doesNotContain("\n").doesNotContain("java").doesNotContain("JsonToken").doesNotContain("Cannot deserialize")
                .doesNotContain("while scanning").startsWith(f.toString());
        return m.substring(dir.toString().length() + 1);
    }

    @Test
    void aWordWhereANumberGoes() throws Exception {
        assertThat(message("database: x.db\nretrieval:\n  k: five\n"))
                .isEqualTo("config.yml line 3: retrieval.k must be a whole number, not \"five\".");
        assertThat(message("retrieval:\n  plan-queries: maybe\n"))
                .isEqualTo("config.yml line 2: retrieval.plan-queries must be true or false, not \"maybe\".");
    }

    @Test
    void aValueOutOfRangeNamesItsLine() throws Exception {
        assertThat(message("# tuned\nretrieval:\n  mode: bm25\n  k: 99\n")).isEqualTo("config.yml line 4: 'retrieval.k' must be between 1 and 50");
        assertThat(message("llm:\n  timeout-seconds: 30\nretrieval:\n  k: 0\n")).startsWith("config.yml line 4: 'retrieval.k'");
        assertThat(ConfigErrors.lineOf("retrieval:\n  mode: x\nllm:\n  k: 3\n", "retrieval.k")).as("not another section's k").isEmpty();
        assertThat(ConfigErrors.lineOf("discord:\n  rate-limit:\n    user-per-minute: 0\n", "discord.rate-limit.user-per-minute"))
                .isEqualTo(" line 3");
    }

    @Test
    void shardsAreAutoOrANumber() throws Exception {
        assertThat(message("discord:\n  workers: 2\n  shards: many\n")).isEqualTo("config.yml line 3: 'discord.shards' must be auto "
                + "(Discord's recommended count) or a number of shards from 1 to 100000, not \"many\"");
        assertThat(message("discord:\n  shards: 0\n")).startsWith("config.yml line 2: 'discord.shards' must be auto");
        assertThat(message("discord:\n  shards: [2]\n")).isEqualTo("config.yml line 2: discord.shards must be a single value (text), not a list.");
        Path f = Files.writeString(dir.resolve("ok.yml"), "discord:\n  shards: 4\n");
        assertThat(new ConfigLoader().load(f).discord().shardCount()).isEqualTo(4);
        Files.writeString(f, "discord:\n  shards: Auto\n");
        assertThat(new ConfigLoader().load(f).discord().shardCount()).isEqualTo(-1);
        assertThat(DiscordConfig.defaults().shardCount()).as("unset: one connection").isZero();
    }

    @Test
    void aListWhereASectionGoes() throws Exception {
        assertThat(message("retrieval: [\n")).isEqualTo("config.yml line 1: retrieval must be a section of 'key: value' lines, not a list.");
        assertThat(message("llm:\n  timeout-seconds: [1]\n"))
                .isEqualTo("config.yml line 2: llm.timeout-seconds must be a whole number, not a list.");
        assertThat(message("retrieval: 5\n")).isEqualTo("config.yml line 1: retrieval must be a section of 'key: value' lines, not \"5\".");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() throws Exception {
        assertThat(message("# comment\nretrieval:\n  mode: \"hybrid\n  k: 3\n"))
                .isEqualTo("config.yml line 3: a quoted value is not closed; add the closing quote.");
    }

    @Test
    void aTabNamesItsLine() throws Exception {
        assertThat(message("retrieval:\n\tk: 5\n")).isEqualTo("config.yml line 2: a tab where YAML needs spaces; indent with spaces only.");
    }

    @Test
    void unknownKeysNameTheirLine() throws Exception {
        assertThat(message("answer:\n  provider: offline\n  provder: x\n")).startsWith("config.yml line 3: unknown key 'answer.provder'");
    }

    @Test
    void aFolderIsNotAMissingFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("conf"));
        assertThat(catchThrowableOfType(() -> new ConfigLoader().load(folder), ConfigException.class))
                .hasMessage(folder + " is a folder, not a config file; give the path of a YAML file such as config/footnote.example.yaml.");
        assertThat(catchThrowableOfType(() -> new ConfigLoader().load(dir.resolve("none.yml")), ConfigException.class))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aKeyPastedUnderTheWrongNameIsNotEchoed() throws Exception {
        String key = "sk-proj-4f9a8b7c6d5e4f3a2b1c";
        String m = message("llm:\n  timeout-seconds: " + key + "\n");
        assertThat(m).doesNotContain(key).doesNotContain("sk-proj").contains("llm.timeout-seconds must be a whole number");
    }
}
