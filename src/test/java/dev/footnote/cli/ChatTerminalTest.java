package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** chat on a terminal wraps replies to the width and ends Ctrl-D with a newline; piped output is left exactly as it was. */
class ChatTerminalTest {

    static final String LONG = "The repairs cost 41.3 million euros, about 6 million more than the original budget, "
            + "because specialist welders were short in the spring of 2025 [1].\n\n[1] Harbor Bridge reopens\n"
            + "    \"The town's public works department said in a statement published on its website that the repairs cost "
            + "41.3 million euros.\" https://example.org/lowmere/public-works/harbor-bridge-final-report-with-a-long-name.pdf";

    private static String run(String input, boolean terminal, int width, UnaryOperator<String> handler) throws Exception {
        StringWriter out = new StringWriter();
        ChatCommand.loop(handler, new BufferedReader(new StringReader(input)), new PrintWriter(out, true), terminal, width);
        return out.toString();
    }

    @Test
    void aTerminalGetsRepliesWrappedToItsWidth() throws Exception {
        String out = run("q\n", true, 40, l -> LONG);
        for (String line : out.split("\n")) {
            if (!line.contains("https://")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(40 + "footnote> ".length());
            }
        }
        assertThat(out).contains("\n    \"The town's public works department").contains("\n    https://example.org/lowmere/public-works/");
        assertThat(out.replaceAll("\\s+", " ")).isEqualTo(("footnote> " + LONG + " footnote> ").replaceAll("\\s+", " "));
    }

    @Test
    void pipedOutputIsUnchanged() throws Exception {
        assertThat(run("q\n", false, 40, l -> LONG)).isEqualTo(LONG + "\n");
    }

    @Test
    void ctrlDEndsTheLineOnATerminal() throws Exception {
        assertThat(run("", true, 80, l -> "x")).isEqualTo("footnote> \n");
        assertThat(run("", false, 80, l -> "x")).isEmpty();
    }

    @Test
    void anUnknownCommandPutsTheHelpOnItsOwnLines() {
        String reply = new ChatSession(null, null, 3).handle("/foo");
        assertThat(reply.split("\n")[0]).isEqualTo("Unknown command /foo; the commands are:");
        assertThat(reply.split("\n")[1]).startsWith("/ask QUESTION");
        assertThat(reply).endsWith(ChatSession.HELP);
    }

    @Test
    void widthComesFromColumnsWhenItIsSensible() {
        assertThat(TextWrap.width("132")).isEqualTo(132);
        assertThat(TextWrap.width(null)).isEqualTo(80);
        assertThat(TextWrap.width("wide")).isEqualTo(80);
        assertThat(TextWrap.width("3")).isEqualTo(80);
        assertThat(TextWrap.wrap("short line\n\nnext", 5)).isEqualTo("short\nline\n\nnext");
        assertThat(TextWrap.wrap("/new      forget it all now", 20)).as("spaces that line up columns are kept")
                .isEqualTo("/new      forget it\nall now");
    }
}
