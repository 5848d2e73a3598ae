package dev.footnote.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The feed's own text: word counts, a cut on huge feeds, and linear time on hostile input. */
class FeedTextTest {

    @Test
    void wordsLeaveMarkupOut() {
        assertThat(FeedPoller.words("<p class=\"x y z\">Two words</p><br/>and three more")).isEqualTo(5);
        assertThat(FeedPoller.words(null)).isZero();
    }

    @Test
    void aHugeFeedIsCutAndHostileTextStaysLinear() throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
        for (int i = 0; i < 5_000; i++) {
            b.append("<item><title>t").append(i).append("</title><guid>g").append(i).append("</guid><description>")
                    .append("&lt;a&lt;a".repeat(20)).append("</description></item>");
        }
        b.append("</channel></rss>");
        long t = System.nanoTime();
        ParsedFeed f = new FeedParser().parse(b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(f.items()).hasSize(FeedParser.MAX_ITEMS);
        assertThat(FeedPoller.words("<".repeat(500_000) + "a b ".repeat(250_000))).isZero();
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(10);
    }

    @Test
    void aTruncatedFeedIsRefusedWithItsReason() {
        String whole = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title>"
                + "<item><title>One</title><guid>1</guid><description>First item.</description></item>"
                + "<item><title>Two</title><guid>2</guid><descr";
        assertThatThrownBy(() -> new FeedParser().parse(whole.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParser.FeedFormatException.class)
                .hasMessageStartingWith("not an RSS or Atom feed");
    }

    @Test
    void notAFeedSaysSoInPlainWords() {
        assertThatThrownBy(() -> new FeedParser().parse("{\"json\": true}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not an RSS or Atom feed");
        assertThatThrownBy(() -> new FeedParser().parse(new byte[] {0, 1, 2, 3}))
                .hasMessageStartingWith("not an RSS or Atom feed");
    }
}
