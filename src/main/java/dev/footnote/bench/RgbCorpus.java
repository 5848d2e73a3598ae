package dev.footnote.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RGB questions as a retrieval test: every distinct passage (positive or negative) becomes an
 * article of its own, titled r0000, r0001, ..., and each question's gold is the titles of its
 * positive passages.
 */
record RgbCorpus(List<String> questions, List<Set<String>> gold, int passages) {

    /** Reads the JSON lines of {@code file} and writes the passages as Markdown articles into {@code dir}. */
    static RgbCorpus write(Path file, Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(dir);
        Map<String, String> titleOf = new LinkedHashMap<>();
        List<String> questions = new ArrayList<>();
        List<Set<String>> gold = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = json.readTree(line);
            Set<String> pos = new HashSet<>();
            for (String kind : List.of("positive", "negative")) {
                for (JsonNode p : q.path(kind)) {
                    String text = p.asText();
                    String title = titleOf.get(text);
                    if (title == null) {
                        title = String.format(Locale.ROOT, "r%04d", titleOf.size());
                        titleOf.put(text, title);
                        Bench.writeArticle(dir.resolve(title + ".md"), title, text);
                    }
                    if (kind.equals("positive")) {
                        pos.add(title);
                    }
                }
            }
            questions.add(String.join(" ", q.path("query").asText().split("\\s+")).strip());
            gold.add(pos);
        }
        return new RgbCorpus(questions, gold, titleOf.size());
    }
}
