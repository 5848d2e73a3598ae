package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written Markdown scans: the same answers as the patterns they replace, in linear time. */
class MarkdownSyntaxTest {

    // The patterns MarkdownReader used; the scans must agree with them everywhere.
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)[^)]*\\)");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\n]*)\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private static final String[] PIECES = {"[", "]", "(", ")", "![", "](", "#", "# ", " ", "\t", "a", "bc", "http://", "https://x",
        "\n", "\u2028", "\u0085", "## ", "*", ".", "日"};

    @Test
    void scansAgreeWithThePatternsTheyReplace() {
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(14);
            for (int k = 0; k < n; k++) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = b.toString();
            assertThat(MarkdownSyntax.replaceImages(s)).as("images in [%s]", s)
                    .isEqualTo(IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1))));
            assertThat(MarkdownSyntax.replaceWebLinks(s, l -> "<" + l.text() + "|" + l.target() + ">")).as("links in [%s]", s)
                    .isEqualTo(LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<" + m.group(1) + "|" + m.group(2) + ">")));
            assertThat(MarkdownSyntax.replaceLocalLinks(s)).as("local links in [%s]", s)
                    .isEqualTo(LOCAL_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1))));
            Matcher h = HEADING.matcher(s);
            MarkdownSyntax.Heading got = MarkdownSyntax.heading(s);
            if (h.matches()) {
                assertThat(got).as("heading [%s]", s).isEqualTo(new MarkdownSyntax.Heading(h.group(1).length(), h.group(2)));
            } else {
                assertThat(got).as("not a heading [%s]", s).isNull();
            }
            MarkdownSyntax.Link first = MarkdownSyntax.firstWebLink(s);
            Matcher m = LINK.matcher(s);
            assertThat(first == null ? null : first.text() + "|" + first.target()).isEqualTo(m.find() ? m.group(1) + "|" + m.group(2) : null);
        }
    }

    @Test
    void hostileHeadingsAndBracketsAreReadInLinearTime() {
        List<String> inputs = List.of(
                "# a" + " ".repeat(200_000) + "b\n",
                ("# a" + " ".repeat(3000) + "b\n").repeat(100),
                "[a](http://e.org/".repeat(30_000),
                "[a](https://e.org/" + "x".repeat(300_000),
                "![a](b ".repeat(40_000),
                "![a ".repeat(80_000),
                "[a ".repeat(100_000) + "\n" + "[[[[".repeat(50_000));
        for (String text : inputs) {
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> IngestTestAccess.parseOrReject(text.getBytes(StandardCharsets.UTF_8), "md"));
        }
    }

    @Test
    void hugeFrontMatterIsRejectedBeforeTheYamlParserSeesIt() {
        String text = "---\ntitle: " + "!".repeat(MarkdownReader.MAX_FRONT_MATTER) + "\n---\nBody text.";
        assertThat(IngestTestAccess.parseOrReject(text.getBytes(StandardCharsets.UTF_8), "md")).isNull();
        String fine = "---\ntitle: Harbor Bridge\ndate: 2024-03-01\n---\nBody text.";
        assertThat(IngestTestAccess.parseOrReject(fine.getBytes(StandardCharsets.UTF_8), "md").title()).isEqualTo("Harbor Bridge");
    }
}
