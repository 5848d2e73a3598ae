package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.embed.Embedder;
import dev.footnote.embed.EmbeddingModel;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.store.Passage;
import dev.footnote.store.SentenceVectors;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline answerer by meaning, with the real embedding model: reworded questions, answer kinds, titles. */
class AnswerByMeaningTest {

    @TempDir
    static Path dir;
    static Storage store;
    static ExtractiveAnswerer answerer;

    static final List<NumberedPassage> SEARS = List.of(
            np(1, "kmart-sears", "Kmart to buy Sears",
                    "Discount retailer Kmart announced on Wednesday that it will buy Sears, Roebuck & Co. "
                            + "The deal is to cost $11.5bn and will create the third-largest retailer in the United States. "
                            + "The new company will be called Sears Holdings. "
                            + "Edward Lampert, the chairman of Kmart, will become chairman of the new company."),
            np(2, "reid", "Harry Reid elected Senate Democratic leader",
                    "He was elected minority leader by his fellow Democrats on Tuesday, succeeding Tom Daschle. "
                            + "Senator Dick Durbin replaced him as the party's whip. "
                            + "The vote took place in the old Senate chamber in Washington."),
            np(3, "table", "Champions League draw",
                    "Juventus <br> FC Porto v Inter Milan | Real Madrid v Juventus. "
                            + "The first legs will be played on February 22 and 23 in the round of 16."));

    static NumberedPassage np(int n, String article, String title, String text) {
        return new NumberedPassage(n, new Passage(article + "#0", article, 0, 0, text.length(), text), title, null);
    }

    @BeforeAll
    static void open() {
        store = SqliteStorage.open(dir.resolve("m.db"));
        Embedder e = new OnnxEmbedder(EmbeddingModel.DEFAULT);
        answerer = new ExtractiveAnswerer(TermWeights.UNIFORM, ExtractiveAnswerer.Options.defaults(),
                // Selection is what these tests are about: a floor a little under the calibrated one
                // keeps the vaguer rewordings ("What will the merged company be named?", 0.82) answered.
                new EmbeddedSentences(() -> e, store.sentenceVectors()), e.answerFloor() - 0.04);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static String ask(String q) {
        Draft d = answerer.answer(q, SEARS, List.of());
        return d.refused() ? "REFUSED" : d.text();
    }

    @Test
    void theSameQuestionInOtherWordsGetsTheSameSentence() {
        assertThat(ask("How much will the Sears deal cost Kmart?")).contains("$11.5bn");
        assertThat(ask("What was the deal worth when Kmart bought Sears?")).contains("$11.5bn");
        assertThat(ask("What will the merged company be named?")).contains("Sears Holdings");
        assertThat(ask("What is the name of the new company Kmart and Sears form?")).contains("Sears Holdings");
    }

    @Test
    void aSubjectNamedOnlyInTheTitleStillAnswersAndTheTitleIsShown() {
        String a = ask("Who was elected Democratic minority leader?");
        assertThat(a).contains("He was elected minority leader").contains("Harry Reid");
    }

    @Test
    void theKindOfAnswerAskedForWins() {
        assertThat(ask("Who will chair the company formed by Kmart and Sears?")).contains("Edward Lampert");
        assertThat(ask("When will the first legs of the round of 16 be played?")).contains("February 22");
        assertThat(ask("Where did the Senate Democrats vote for their leader?")).contains("Washington");
    }

    @Test
    void markupIsNeverInAnAnswerAndMarkersSitBeforeTheStop() {
        String a = ask("Who does Real Madrid play in the round of 16?");
        assertThat(a).doesNotContain("<br>").doesNotContain("|");
        String b = ask("Which company will Kmart buy?");
        assertThat(b).doesNotContain("[1]..").doesNotContain(". [1]");
    }

    @Test
    void aParagraphsLastSentenceWithoutItsStopStillAnswersButAFragmentCutInsideALinkDoesNot() {
        List<NumberedPassage> draw = List.of(np(1, "draw", "Champions League draw",
                "Bayern Munich v. Arsenal\n\nThe first legs will be played on February 22 and 23. The FC Porto-Inter "
                        + "Milan second leg will be played a week later because Inter share their San Siro ground with AC Milan\n\n"
                        + "Tickets sold out within an hour, according to the clubs. Demand rose after a rival site shut "
                        + "down to avoid a lawsuit [http://example.org/graph?w=2 chart]."));
        Draft d = answerer.answer("Why is the Porto-Inter second leg played a week later?", draw, List.of());
        // the unterminated end of a paragraph of prose is a sentence, and gets its stop after the marker
        assertThat(d.refused()).isFalse();
        assertThat(d.text()).contains("San Siro ground with AC Milan [1].");
        Draft e = answerer.answer("Why did the rival site shut down?", draw, List.of());
        assertThat(e.refused() ? "" : e.text()).doesNotContain("[http").doesNotContain("graph?w");
        // a heading without a stop stays out
        assertThat(answerer.answer("Who plays Arsenal?", draw, List.of()).text()).doesNotContain("Bayern Munich v. Arsenal");
    }

    @Test
    void somethingTheArticlesDoNotCoverIsRefused() {
        assertThat(ask("What is the capital of France?")).isEqualTo("REFUSED");
    }

    @Test
    void anAmountOrADateAskedForMustBeInTheAnswer() {
        // The passages say who succeeded Daschle and when, but hold no count and no sum of money for it.
        assertThat(ask("How many votes did Harry Reid get from his fellow Democrats?")).isEqualTo("REFUSED");
        assertThat(ask("What did the tickets for the Champions League round of 16 cost?")).isEqualTo("REFUSED");
        // A sum of money is answered with the sentence that holds one.
        assertThat(ask("What did Kmart pay for Sears?")).contains("$11.5bn");
        // A number the question names must be in the passage: there is no second round of 32.
        assertThat(ask("When will the round of 32 be played?")).isEqualTo("REFUSED");
    }

    @Test
    void sentenceVectorsAreKeptForTheNextQuestion() {
        Embedder e = new OnnxEmbedder(EmbeddingModel.DEFAULT);
        SentenceVectors table = store.sentenceVectors();
        EmbeddedSentences meaning = new EmbeddedSentences(() -> e, table);
        List<String> sentences = List.of("One sentence here.", "Another one there.");
        // passages that are not stored get vectors but nothing is kept for them
        assertThat(meaning.sentences(List.of(SEARS.get(0)), List.of(sentences)).get(0)).hasSize(2);
        assertThat(table.get(EmbeddedSentences.model(e), List.of("kmart-sears#0"), e.dimensions())).isEmpty();
    }
}
