package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The article text of saved pages of four layouts (a blog of plain divs with a sidebar and
 * comments, a news page whose article holds a share bar and related links, a main story among
 * teaser cards, an old table layout), each written by us: every article sentence is kept and no
 * boilerplate is.
 */
class ContentExtractorTest {

    @Test
    void theArticleAndNothingAroundItOnEveryLayout() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/pages/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        int sentences = 0;
        int boiler = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            String html;
            try (InputStream in = getClass().getResourceAsStream("/pages/" + page.getKey())) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String body = HtmlReader.read(html, "https://example.org/" + page.getKey(), "fallback").body();
            for (JsonNode s : page.getValue().get("article")) {
                sentences++;
                assertThat(body).as(page.getKey()).contains(s.asText());
            }
            for (JsonNode b : page.getValue().get("boilerplate")) {
                boiler++;
                assertThat(body).as(page.getKey()).doesNotContain(b.asText());
            }
        }
        assertThat(sentences).as("article sentences checked").isEqualTo(16);
        assertThat(boiler).as("boilerplate strings checked").isEqualTo(14);
    }

    @Test
    void aSentenceCitingItsSourceThroughALinkStays() throws Exception {
        String html = "<html><body><div class=\"entry\"><p>The count rose by half, according to the "
                + "<a href=\"https://trust.example.org/report\">trust's annual report</a> published in May this year.</p>"
                + "<p>Surveyors walked the banks of all four rivers over the winter months, counting tracks.</p></div></body></html>";
        assertThat(HtmlReader.read(html, null, "t").body()).contains("according to the trust's annual report");
    }

    @Test
    void hostileClassNamesAndDeepPagesStayLinear() throws Exception {
        String names = "share-".repeat(50_000);
        String html = "<html><body>" + ("<div class=\"" + names + "\"><p>Some words, and more words, here.</p></div>").repeat(3)
                + "<div>".repeat(150) + "<p>" + "A sentence, with commas, to score. ".repeat(20_000) + "</p>" + "</div>".repeat(150)
                + "</body></html>";
        long t = System.nanoTime();
        HtmlReader.read(html, null, "t");
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(10);
    }
}
