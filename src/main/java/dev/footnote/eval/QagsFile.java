package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads QAGS-style JSON Lines: one article a line, {@code {"article": ..., "summary_sentences":
 * [{"sentence": ..., "responses": [{"response": "yes"|"no"}, ...]}, ...]}}. Blank lines are skipped;
 * missing fields read as empty.
 */
public final class QagsFile {

    private QagsFile() {
    }

    public static List<QagsArticle> read(Path jsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<QagsArticle> articles = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    articles.add(article(mapper.readTree(line)));
                }
            }
        }
        return articles;
    }

    private static QagsArticle article(JsonNode d) {
        List<QagsArticle.Judged> sentences = new ArrayList<>();
        for (JsonNode x : d.path("summary_sentences")) {
            int yes = 0;
            int all = 0;
            for (JsonNode resp : x.path("responses")) {
                all++;
                if ("yes".equals(resp.path("response").asText())) {
                    yes++;
                }
            }
            sentences.add(new QagsArticle.Judged(MeasuredText.collapse(x.path("sentence").asText("")), yes, all));
        }
        return new QagsArticle(d.path("article").asText(""), sentences);
    }
}
