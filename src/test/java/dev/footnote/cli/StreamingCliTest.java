package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footnote.Footnote;
import dev.footnote.llm.Loopback;
import dev.footnote.llm.SseLoopback;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} and {@code chat} against a loopback server that streams slowly: on a terminal the
 * text appears as it comes and is then replaced by the checked answer, which is exactly what the
 * same reply gives unstreamed; {@code --json} and piped output stay whole.
 */
class StreamingCliTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";
    /** One sentence its passage plainly supports, so the claim checker asks the model for no second opinion. */
    static final String ANSWER = "The repairs cost 41.3 million euros, about 6 million more than the original budget [1].";

    @TempDir
    Path tmp;

    private final SseLoopback sse = new SseLoopback();
    private final Loopback whole = new Loopback();

    @AfterEach
    void stop() {
        sse.close();
        whole.close();
    }

    /** Output with when each flush reached it. */
    static final class Timed extends Writer {
        final StringBuilder all = new StringBuilder();
        final List<Long> flushes = new CopyOnWriteArrayList<>();
        final List<Integer> lengths = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void write(char[] b, int off, int len) {
            all.append(b, off, len);
        }

        @Override
        public synchronized void flush() {
            flushes.add(System.nanoTime());
            lengths.add(all.length());
        }

        @Override
        public void close() {
        }
    }

    private Timed run(boolean terminal, boolean stream, String url, String... args) throws Exception {
        Path cfg = Files.writeString(tmp.resolve(stream + ".yaml"), "llm:\n  stream: " + stream + "\n  max-retries: 0\n  timeout-seconds: 5\n");
        Timed out = new Timed();
        String[] all = new String[args.length + 8];
        System.arraycopy(new String[] {"--config", cfg.toString(), "--db", tmp.resolve("t.db").toString(), "ask", "--provider",
                "openai", "--base-url"}, 0, all, 0, 8);
        System.arraycopy(args, 0, all, 8, args.length);
        all[8] = url;
        int code = Footnote.run(new FootnoteCommand(Map.of("COLUMNS", "60"), terminal), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), all);
        assertThat(code).as(out.all.toString()).isZero();
        return out;
    }

    private void streamSlowly() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 6), 900, 40, true), 30,
                SseLoopback.End.PROPERLY);
    }

    @Test
    void onATerminalTheTextAppearsAsItComesThenTheCheckedAnswerReplacesIt() throws Exception {
        streamSlowly();
        whole.enqueueJson(Loopback.openAi(ANSWER, 900, 40));

        Timed live = run(true, true, sse.url("/v1"), "", QUESTION);
        String plain = run(true, false, whole.url("/v1"), "", QUESTION).all.toString();

        String shown = live.all.toString();
        int erase = shown.lastIndexOf("\033[J");
        assertThat(shown).contains(LivePrinter.HEADER).contains("The repairs cost 41.3");
        assertThat(erase).as("the streamed text is erased").isPositive();
        assertThat(shown.substring(erase + 3)).as("what stays is the answer the whole reply gives").isEqualTo(plain);
        assertThat(plain).doesNotContain(LivePrinter.HEADER);
        long pieces = live.lengths.stream().filter(n -> n < erase).distinct().count();
        assertThat(pieces).as("the text came in many flushes before the end").isGreaterThanOrEqualTo(5);
        // The text is wrapped at 60 columns ($COLUMNS), and the rows erased are the lines printed.
        String streamed = shown.substring(shown.indexOf(LivePrinter.HEADER) + LivePrinter.HEADER.length() + 5, erase);
        int rows = Integer.parseInt(streamed.replaceAll("(?s).*\r\033\\[(\\d+)A$", "$1"));
        String text = streamed.substring(0, streamed.lastIndexOf('\r'));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(rows).isEqualTo(1 + (int) text.chars().filter(c -> c == '\n').count());
    }

    @Test
    void jsonStaysWholeAndAddsTheTimeToFirstToken() throws Exception {
        streamSlowly();
        whole.enqueueJson(Loopback.openAi(ANSWER, 900, 40));

        String streamed = run(true, true, sse.url("/v1"), "", "--json", QUESTION).all.toString();
        String plain = run(true, false, whole.url("/v1"), "", "--json", QUESTION).all.toString();

        assertThat(streamed).doesNotContain(LivePrinter.HEADER).doesNotContain("\033");
        JsonNode s = Render.JSON.readTree(streamed);
        JsonNode p = Render.JSON.readTree(plain);
        assertThat(s.path("time_to_first_token_ms").isNumber()).isTrue();
        assertThat(s.path("time_to_first_token_ms").asLong()).isPositive();
        assertThat(p.path("time_to_first_token_ms").isNull()).as("nothing streamed").isTrue();
        ((ObjectNode) s).remove("time_to_first_token_ms");
        ((ObjectNode) p).remove("time_to_first_token_ms");
        assertThat(s).isEqualTo(p);
    }

    @Test
    void pipedOutputIsTheWholeAnswerAsBefore() throws Exception {
        streamSlowly();
        whole.enqueueJson(Loopback.openAi(ANSWER, 900, 40));

        String streamed = run(false, true, sse.url("/v1"), "", QUESTION).all.toString();
        String plain = run(false, false, whole.url("/v1"), "", QUESTION).all.toString();

        assertThat(streamed).isEqualTo(plain).doesNotContain(LivePrinter.HEADER);
    }

    @Test
    void aStreamCutOffHalfwayLeavesOnlyTheErrorOnScreen() throws Exception {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 6), 1, 1, false).subList(0, 8), 20,
                SseLoopback.End.CUT_OFF);
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), "llm:\n  max-retries: 0\n  timeout-seconds: 5\n");
        Timed out = new Timed();
        StringWriter err = new StringWriter();
        int code = Footnote.run(new FootnoteCommand(Map.of(), true), new PrintWriter(out, true), new PrintWriter(err, true),
                "--config", cfg.toString(), "--db", tmp.resolve("t.db").toString(), "ask", "--provider", "openai", "--base-url",
                sse.url("/v1"), QUESTION);

        assertThat(code).isNotZero();
        String shown = out.all.toString();
        assertThat(shown).contains(LivePrinter.HEADER);
        assertThat(shown).as("the unchecked text is erased").endsWith("\033[J");
        assertThat(err.toString()).contains("closed the connection before answering");
    }

    @Test
    void chatOnATerminalShowsTheTextAsItComesAndPrintsTheCheckedAnswer() throws Exception {
        streamSlowly();
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), "llm:\n  max-retries: 0\n  timeout-seconds: 5\n");
        FootnoteCommand root = new FootnoteCommand(Map.of(), true);
        Footnote.run(root, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "--config", cfg.toString(), "--db", tmp.resolve("t.db").toString(), "articles");
        Timed out = new Timed();
        PrintWriter w = new PrintWriter(out, true);
        dev.footnote.app.App app = root.app();
        ChatSession chat = new ChatSession(app.answerService(new dev.footnote.eval.ProviderOverride("openai", sse.url("/v1"), null)),
                app.storage(), 4, new LivePrinter(w, 80));

        String reply = chat.handle(QUESTION);

        assertThat(out.all.toString()).startsWith("\033[2m" + LivePrinter.HEADER).contains("The repairs cost").endsWith("\033[J");
        assertThat(reply).startsWith(ANSWER.substring(0, 40)).contains("[1]");
        assertThat(out.lengths.stream().distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void controlCharactersFromTheModelNeverReachTheTerminal() {
        assertThat(LivePrinter.clean("a\033]0;pwned\007b\tc\nd\u202Ee")).isEqualTo("a]0;pwnedb c\nde");
    }
}
