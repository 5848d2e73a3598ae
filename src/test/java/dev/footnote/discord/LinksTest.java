package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

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
}
