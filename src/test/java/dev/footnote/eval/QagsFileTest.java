package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QagsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsEachArticleWithItsJudgedSentences() throws Exception {
        // GIVEN two articles a blank line apart, one sentence wrapped and indented
        Path f = Files.writeString(dir.resolve("q.jsonl"), """
                {"article": "A.", "summary_sentences": [{"sentence": "  One\\n  two. ", "responses": [{"response": "yes"}, {"response": "no"}, {"response": "yes"}]}]}

                {"article": "B.", "summary_sentences": [{"sentence": "Three.", "responses": [{"response": "no"}, {"response": "yes"}]}]}
                """);
        // WHEN the file is read
        List<QagsArticle> articles = QagsFile.read(f);
        // THEN both articles are there, sentences collapsed, with their yes votes out of all
        assertThat(articles).containsExactly(
                new QagsArticle("A.", List.of(new QagsArticle.Judged("One two.", 2, 3))),
                new QagsArticle("B.", List.of(new QagsArticle.Judged("Three.", 1, 2))));
    }

    @Test
    void aSentenceIsSupportedOnlyByAStrictMajority() {
        // GIVEN judged sentences with two of three, one of two and none of zero yes votes
        // WHEN their gold label is read
        // THEN only the strict majority is supported
        assertThat(new QagsArticle.Judged("s", 2, 3).supported()).isTrue();
        assertThat(new QagsArticle.Judged("s", 1, 2).supported()).isFalse();
        assertThat(new QagsArticle.Judged("s", 0, 0).supported()).isFalse();
    }

    @Test
    void missingFieldsReadAsEmpty() throws Exception {
        // GIVEN an article without text and a sentence without responses
        Path f = Files.writeString(dir.resolve("q.jsonl"), "{\"summary_sentences\": [{\"sentence\": \"S.\"}]}\n");
        // WHEN the file is read
        // THEN the article is empty and the sentence has no votes
        assertThat(QagsFile.read(f)).containsExactly(new QagsArticle("", List.of(new QagsArticle.Judged("S.", 0, 0))));
    }
}
