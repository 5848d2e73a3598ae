package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** HtmlReader's paragraphs: the outermost blocks, found in one walk of the page. */
class HtmlBlocksTest {

    @Test
    void nestedBlocksAreReadAsPartOfTheOneAroundThem() throws Exception {
        Element body = Jsoup.parse("<body><p>One</p><blockquote><p>Quoted</p><ul><li>In quote</li></ul></blockquote>"
                + "<div><li>Item <p>inner</p></li></div><table><tr><td>Cell</td><td>Two</td></tr></table></body>").body();
        assertThat(HtmlReader.outermostBlocks(body)).extracting(Element::text)
                .containsExactly("One", "Quoted In quote", "Item inner", "Cell", "Two");
        Element td = Jsoup.parse("<table><tr><td><p>a</p><p>b</p></td></tr></table>").selectFirst("td");
        assertThat(HtmlReader.outermostBlocks(td)).containsExactly(td);
    }

    @Test
    void twoHundredThousandCellsAreReadInLinearTime() {
        String page = "<html><body><table><tr>" + "<td>x".repeat(200_000) + "</table></body></html>";
        ParsedArticle a = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> HtmlReader.read(page, null, "Cells"));
        assertThat(a.body()).startsWith("x");
    }
}
