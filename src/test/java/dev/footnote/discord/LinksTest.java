package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void bareLinksAreWrappedWithoutTheirTrailingPunctuation() {
        assertThat(Links.noPreviews("See https://example.org/a. Then https://example.org/b, too"))
                .isEqualTo("See <https://example.org/a>. Then <https://example.org/b>, too");
    }

    @Test
    void linksInParenthesesAreWrappedInside() {
        assertThat(Links.noPreviews("The report (https://example.org/r.pdf) says so."))
                .isEqualTo("The report (<https://example.org/r.pdf>) says so.");
    }

    @Test
    void parenthesesThatBelongToTheUrlStay() {
        assertThat(Links.noPreviews("See https://en.wikipedia.org/wiki/Bridge_(structure) now"))
                .isEqualTo("See <https://en.wikipedia.org/wiki/Bridge_(structure)> now");
    }

    @Test
    void markdownLinksKeepTheirTextAndGetAWrappedTarget() {
        assertThat(Links.noPreviews("Read [the report](https://example.org/r) first."))
                .isEqualTo("Read [the report](<https://example.org/r>) first.");
    }

    @Test
    void wrappedLinksAndCodeAreLeftAlone() {
        String s = "Already <https://example.org/x> and `curl https://example.org/y` and\n```\nhttps://example.org/z\n```";
        assertThat(Links.noPreviews(s)).isEqualTo(s);
    }

    @Test
    void onlyWebLinksMakeASourceLink() {
        assertThat(Links.wrapped("https://example.org/a")).isEqualTo("<https://example.org/a>");
        assertThat(Links.wrapped("javascript:alert(1)")).isNull();
        assertThat(Links.wrapped("https://example.org/a b")).isNull();
        assertThat(Links.wrapped(null)).isNull();
    }

    @Test
    void sameLinksAsBeforeOnRandomText() {
        String[] pieces = {"[", "]", "(", ")", "](", "http://", "https://e.org/", "a", " ", "\n", "`", "```", "<", ">", ".", ",", "_"};
        Random r = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(14); k > 0; k--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertThat(Links.noPreviews(s)).as("[%s]", s).isEqualTo(Before.noPreviews(s));
        }
    }

    @Test
    void bracketsAndParenthesesInBulkAreReadInLinearTime() {
        for (String text : List.of("[".repeat(300_000) + " http://e.org", "[a ".repeat(100_000) + " http://e.org",
                "https://e.org/" + ")".repeat(300_000), "[a](http://e.org/".repeat(30_000))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Links.noPreviews(text));
        }
    }

    /** Links as they were wrapped before the scans were made linear: the reference for the same output. */
    private static final class Before {
        static final Pattern CODE = Pattern.compile("```.*?(```|\\z)|`[^`\\n]+`", Pattern.DOTALL);
        static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\((https?://[^)\\s<>]+)\\)");
        static final Pattern BARE = Pattern.compile("(?<![<\\w])https?://[^\\s<>]+");
        static final String TRAILING = ".,;:!?'\")]}*_~";

        static String noPreviews(String text) {
            if (text == null || !text.contains("http")) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            Matcher code = CODE.matcher(text);
            int last = 0;
            while (code.find()) {
                out.append(wrap(text.substring(last, code.start()))).append(code.group());
                last = code.end();
            }
            return out.append(wrap(text.substring(last))).toString();
        }

        static boolean balancedParen(String url, int end) {
            if (url.charAt(end - 1) != ')') {
                return false;
            }
            String u = url.substring(0, end);
            return u.chars().filter(c -> c == '(').count() >= u.chars().filter(c -> c == ')').count();
        }

        static String wrap(String s) {
            String md = MARKDOWN_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "](<" + m.group(2) + ">)"));
            Matcher m = BARE.matcher(md);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String url = m.group();
                int end = url.length();
                while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0 && !balancedParen(url, end)) {
                    end--;
                }
                out.append(md, last, m.start()).append('<').append(url, 0, end).append('>').append(url, end, url.length());
                last = m.end();
            }
            return out.append(md.substring(last)).toString();
        }
    }
}
