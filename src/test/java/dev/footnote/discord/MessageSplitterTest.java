package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.footnote.discord.MessageSplitter.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    static final int LIMIT = MessageSplitter.LIMIT;

    @Test
    void shortTextIsOneMessage() {
        assertThat(MessageSplitter.split("Hello [1].", LIMIT)).containsExactly("Hello [1].");
    }

    @Test
    void cutsAtParagraphBreaksFirst() {
        String p1 = sentences("Alpha", 6);
        String p2 = sentences("Beta", 6);
        String p3 = sentences("Gamma", 6);
        String p4 = sentences("Epsilon", 6);
        List<String> parts = MessageSplitter.split(String.join("\n\n", p1, p2, p3, p4), LIMIT);
        assertThat(parts).containsExactly(p1 + "\n\n" + p2 + "\n\n" + p3, p4);
    }

    @Test
    void aParagraphLongerThanAMessageIsCutAtTheEndOfASentence() {
        String text = sentences("Delta", 40);
        List<String> parts = MessageSplitter.split(text, LIMIT);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(LIMIT);
            assertThat(p).endsWith(".");
            assertThat(p).startsWith("Delta");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void neverCutsInsideALink() {
        String link = "[the final report of the public works department](https://example.org/" + "x".repeat(120) + ")";
        String text = "w ".repeat(930) + link + " and more words after it.";
        List<String> parts = MessageSplitter.split(text, LIMIT);
        assertThat(parts).anySatisfy(p -> assertThat(p).contains(link));
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
    }

    @Test
    void neverCutsInsideABareOrWrappedUrl() {
        String url = "<https://example.org/" + "y".repeat(300) + ">";
        String text = "z ".repeat(900) + url + " tail.";
        assertThat(MessageSplitter.split(text, LIMIT)).anySatisfy(p -> assertThat(p).contains(url));
    }

    @Test
    void neverCutsInsideACodeBlockThatFitsInAMessage() {
        String code = "```java\n" + "int x = 1;\n\n".repeat(60) + "```";
        String text = sentences("Before", 10) + "\n\n" + code + "\n\n" + sentences("After", 5);
        List<String> parts = MessageSplitter.split(text, LIMIT);
        assertThat(parts).anySatisfy(p -> assertThat(p).contains(code));
        assertThat(parts).allSatisfy(p -> assertThat(count(p, "```") % 2).as("balanced fences in %s", p).isZero());
    }

    @Test
    void aCodeBlockLongerThanAMessageIsClosedAndReopenedBetweenLines() {
        StringBuilder code = new StringBuilder("```python\n");
        for (int i = 0; i < 300; i++) {
            code.append("print('line ").append(i).append("')\n");
        }
        code.append("```");
        List<String> parts = MessageSplitter.split(code.toString(), LIMIT);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(LIMIT);
            assertThat(p).startsWith("```python\n").endsWith("```");
        });
        String joined = String.join("\n", parts);
        for (int i = 0; i < 300; i++) {
            assertThat(joined).contains("print('line " + i + "')");
        }
    }

    @Test
    void anUnbrokenRunIsCutRatherThanLost() {
        String text = "q".repeat(4500);
        List<String> parts = MessageSplitter.split(text, LIMIT);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void packingNeverCutsAnAtomicUnitAndRepeatsItsHeading() {
        List<Unit> units = new ArrayList<>();
        units.add(Unit.prose(sentences("Prose", 20)));
        for (int i = 1; i <= 40; i++) {
            String line = "[" + i + "] A source title that is fairly long, number " + i + " — <https://example.org/s/" + i + ">";
            units.add(i == 1 ? Unit.atomic("**Sources**\n" + line, "\n\n", null) : Unit.atomic(line, "\n", "**Sources** (continued)"));
        }
        List<String> parts = MessageSplitter.pack(units, LIMIT);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
        for (int i = 1; i <= 40; i++) {
            String line = "[" + i + "] A source title that is fairly long, number " + i + " — <https://example.org/s/" + i + ">";
            assertThat(parts).as("entry %d whole", i).anySatisfy(p -> assertThat(p.lines().toList()).contains(line));
        }
        parts.subList(1, parts.size()).stream().filter(p -> p.contains("[40]"))
                .forEach(p -> assertThat(p).startsWith("**Sources** (continued)\n"));
    }

    @Test
    void randomTextAlwaysFitsAndLosesNoWords() {
        Random rnd = new Random(42);
        String[] words = {"alpha", "beta.", "gamma,", "delta", "https://example.org/a/b", "`code`", "[x](https://e.org)", "\n", "\n\n", "```", "e.g."};
        for (int round = 0; round < 200; round++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(1500);
            for (int i = 0; i < n; i++) {
                b.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(8) == 0 ? "" : " ");
            }
            String text = b.toString();
            List<String> parts = MessageSplitter.split(text, LIMIT);
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
            String joined = String.join(" ", parts).replace("```", "").replaceAll("\\s+", "");
            assertThat(joined).as("round %d", round).contains(text.replace("```", "").replaceAll("\\s+", "")
                    .substring(0, Math.min(50, text.replace("```", "").replaceAll("\\s+", "").length())));
            assertThat(nonSpace(String.join("", parts).replace("```", "")))
                    .isGreaterThanOrEqualTo(nonSpace(text.replace("```", "")));
        }
    }

    @Test
    void anAnswerWhoseLineOpensAFenceEndsAndKeepsEveryCharacter() {
        // An offline answer quoting a passage that starts with ```: one line far over the limit.
        String text = "```" + sentences("Fenced", 30) + " [1]";
        List<String> parts = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MessageSplitter.split(text, LIMIT));
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
        assertThat(parts.size()).isLessThanOrEqualTo(ceil(text.length()) + 1);
        assertThat(withoutFences(parts)).isEqualTo(withoutSpace(text.replace("```", "")));
    }

    @Test
    void fencedTextTakesAboutAsManyMessagesAsItsLengthNeeds() {
        String longOpening = "```" + "x".repeat(1990) + "\n" + "code line\n".repeat(250) + "```";
        String oneLine = "```" + "y".repeat(4500) + "\n```";
        String lines = "```python\n" + "print('a line of code')\n".repeat(190) + "```";
        String longLines = "```\n" + ("z".repeat(1500) + "\n").repeat(3) + "```";
        for (String text : List.of(longOpening, oneLine, lines, longLines)) {
            List<String> parts = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MessageSplitter.split(text, LIMIT));
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.length()).isLessThanOrEqualTo(LIMIT);
                assertThat(count(p, "```") % 2).as("balanced fences").isZero();
            });
            assertThat(parts.size()).as("%d characters", text.length()).isLessThanOrEqualTo(ceil(text.length()) + 2);
            assertThat(withoutFences(parts).replace("python", "")).isEqualTo(withoutSpace(text.replace("```", "").replace("python", "")));
        }
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        for (String text : List.of(emoji.repeat(2300), "a" + emoji.repeat(2300), "```\n" + emoji.repeat(2300) + "\n```",
                "```" + "b" + emoji.repeat(2300), "```\n" + ("c" + emoji.repeat(40) + "\n").repeat(60) + "```")) {
            List<String> parts = MessageSplitter.split(text, LIMIT);
            assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
                assertThat(p.length()).isLessThanOrEqualTo(LIMIT);
                assertThat(Character.isLowSurrogate(p.charAt(0))).as("starts with a low surrogate").isFalse();
                assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).as("ends with a high surrogate").isFalse();
                assertThat(p.codePoints().filter(c -> Character.isSurrogate((char) c)).count()).as("lone surrogates in %s", p).isZero();
            });
        }
    }

    @Test
    void aMegabyteOfAnyShapeIsSplitInAboutAsManyMessagesAsItNeeds() {
        for (String unit : List.of("q", " ", "\n", "```\n", "```x", "[", "w. ", "`a", "[a](http://e.org/")) {
            String text = "```" + unit.repeat(1_000_000 / unit.length());
            List<String> parts = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MessageSplitter.split(text, LIMIT));
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LIMIT));
            assertThat(parts.size()).as("unit %s", unit).isLessThanOrEqualTo(3 * ceil(text.length()));
        }
    }

    private static int ceil(int length) {
        return (length + LIMIT - 1) / LIMIT;
    }

    /** The parts joined, without the fences the splitter adds to close and reopen a code block, or spaces. */
    private static String withoutFences(List<String> parts) {
        return withoutSpace(String.join("", parts).replace("```", ""));
    }

    private static String withoutSpace(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static long nonSpace(String s) {
        return s.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static String sentences(String word, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(word).append(" number ").append(i)
                    .append(" is a sentence that goes on for a while to fill some of the space available [1].");
        }
        return b.toString();
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
