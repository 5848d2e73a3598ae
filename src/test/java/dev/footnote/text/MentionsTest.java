package dev.footnote.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void neutralisesEveryMentionForm() {
        String out = Mentions.neutralise("Hi @everyone and @HERE, <@123>, <@!456>, <@&789> in <#42>");
        assertThat(out).doesNotContain("@everyone", "@HERE", "<@123>", "<@!456>", "<@&789>", "<#42>");
        assertThat(out.replace("\u200B", "")).isEqualTo("Hi @everyone and @HERE, <@123>, <@!456>, <@&789> in <#42>");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(Mentions.neutralise("mail me at a@b.org <b>bold</b>")).isEqualTo("mail me at a@b.org <b>bold</b>");
        assertThat(Mentions.neutralise(null)).isNull();
    }
}
