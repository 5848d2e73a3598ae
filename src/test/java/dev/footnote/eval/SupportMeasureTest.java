package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.verify.SupportChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportMeasureTest {

    @TempDir
    Path dir;

    static final String ARTICLE = "The library closed on Friday. A fungus was found in the basement.";
    static final QagsArticle.Judged CLOSED = new QagsArticle.Judged("The library closed on Friday.", 3, 3);
    static final QagsArticle.Judged FLOOD = new QagsArticle.Judged("The library closed because of a flood.", 0, 3);

    @Test
    void evenAndOddArticlesAreCountedApart() {
        // GIVEN three copies of one article, each with a supported and an unsupported sentence
        QagsArticle a = new QagsArticle(ARTICLE, List.of(CLOSED, FLOOD));
        // WHEN the word-level checker is measured on them
        SupportFigures f = new SupportMeasure(new SupportChecker(), raw -> raw).measure(List.of(a, a, a));
        // THEN articles 1 and 3 count as even, article 2 as odd, and every judgement is right
        assertThat(f.even()).isEqualTo(new Confusion(2, 0, 2, 0));
        assertThat(f.odd()).isEqualTo(new Confusion(1, 0, 1, 0));
        assertThat(f.all().balancedAccuracy()).isEqualTo(1.0);
        assertThat(f.embeddings()).isFalse();
        assertThat(f.unsure()).isZero();
        assertThat(f.falseSupported()).isEmpty();
        assertThat(f.falseUnsupported()).isEmpty();
    }

    @Test
    void theArticleIsCheckedAsItsStoredBody() {
        // GIVEN an article whose raw text is not what the body reader makes of it
        List<String> seen = new ArrayList<>();
        QagsArticle a = new QagsArticle("raw", List.of(CLOSED));
        // WHEN it is measured with a body reader that returns the real text
        SupportFigures f = new SupportMeasure(new SupportChecker(), raw -> {
            seen.add(raw);
            return ARTICLE;
        }).measure(List.of(a));
        // THEN the checker was given the body, once per article, and found the sentence supported
        assertThat(seen).containsExactly("raw");
        assertThat(f.all()).isEqualTo(new Confusion(1, 0, 0, 0));
    }

    @Test
    void misjudgedSentencesAreListedWithPassageAndReasonAndWrittenOut() throws Exception {
        // GIVEN the two sentences with their judgements swapped
        QagsArticle a = new QagsArticle(ARTICLE, List.of(new QagsArticle.Judged(CLOSED.sentence(), 0, 3),
                new QagsArticle.Judged(FLOOD.sentence(), 2, 3)));
        // WHEN the checker is measured on them
        SupportFigures f = new SupportMeasure(new SupportChecker(), raw -> raw).measure(List.of(a));
        // THEN each is listed on its side with the passage and reason, and the files hold the lists
        assertThat(f.all()).isEqualTo(new Confusion(0, 1, 0, 1));
        assertThat(f.falseSupported()).singleElement().asString().startsWith(CLOSED.sentence() + "\n    << ").contains("\n    -- ");
        assertThat(f.falseUnsupported()).singleElement().asString().startsWith(FLOOD.sentence() + "\n    << ");
        f.writeMisjudged(dir);
        assertThat(Files.readString(dir.resolve("support-false-supported.txt"))).isEqualTo(f.falseSupported().get(0) + "\n");
        assertThat(Files.readString(dir.resolve("support-false-unsupported.txt"))).isEqualTo(f.falseUnsupported().get(0) + "\n");
    }
}
