package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What retrieval relies on from any {@link KeywordIndex}; subclasses supply the implementation. */
public abstract class KeywordIndexContract {

    /** An index on a fresh database, and a way to write articles into that database. */
    public record Fixture(KeywordIndex index, Corpus corpus, AutoCloseable database) {
    }

    @TempDir
    protected Path dir;

    private Fixture fx;

    /** A fresh, empty database in {@code dir}. */
    protected abstract Fixture open(Path dir) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        fx = open(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.database().close();
    }

    private KeywordIndex index() {
        return fx.index();
    }

    private Corpus.Added add(String title, String... passages) {
        return fx.corpus().add(title, passages);
    }

    /** Articles without the test's rare words, so that those words have a positive BM25 idf. */
    private void filler() {
        add("Weather", "Rain fell on the plain for a week.");
        add("Markets", "Prices rose on the plain and in the town.");
        add("Sport", "The team played on the plain at dawn.");
    }

    @Test
    void thePassageHoldingTheQueryWordsRanksFirstAndOnesWithoutThemAreNotFound() {
        // GIVEN one passage with both words, one with one of them, and some with neither
        filler();
        Corpus.Added both = add("Park", "A zebra and a quokka met on the plain.");
        Corpus.Added one = add("Zoo", "A quokka slept in the shade of the plain.");

        // WHEN both words are searched
        List<KeywordHit> hits = index().search(KeywordQuery.anyOf(List.of("zebra", "quokka")), 0.5, 10);

        // THEN the passage with both comes first, the other after it, and nothing else matches
        assertThat(hits).extracting(KeywordHit::rowid).containsExactly(both.rowids().get(0), one.rowids().get(0));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isPositive();
    }

    @Test
    void everyGroupOfAConjunctionMustMatch() {
        filler();
        Corpus.Added both = add("Park", "A zebra and a quokka met on the plain.");
        add("Zoo", "A quokka slept in the shade.");

        List<KeywordHit> hits = index().search(KeywordQuery.allOf(List.of("zebra"), List.of("quokka")), 0.5, 10);

        assertThat(hits).extracting(KeywordHit::rowid).containsExactly(both.rowids().get(0));
    }

    @Test
    void theTitleWeightDecidesBetweenAMatchInTheTitleAndOneInTheText() {
        // GIVEN the word in one article's title only and in another's text only
        filler();
        Corpus.Added inTitle = add("Zebra", "The animals of the plain.");
        Corpus.Added inText = add("Notes", "A zebra crossed the plain.");
        KeywordQuery q = KeywordQuery.anyOf(List.of("zebra"));

        // WHEN searched with a heavy title and with a weightless one
        List<KeywordHit> heavy = index().search(q, 10.0, 10);
        List<KeywordHit> light = index().search(q, 0.0, 10);

        // THEN the title match wins only when the title weighs
        assertThat(heavy.get(0).rowid()).isEqualTo(inTitle.rowids().get(0));
        assertThat(light.get(0).rowid()).isEqualTo(inText.rowids().get(0));
    }

    @Test
    void queryWordsAreNeverQuerySyntax() {
        // GIVEN passages with the plain words that query syntax is made of
        filler();
        Corpus.Added zebra = add("Park", "A zebra stood near the gate.");
        Corpus.Added title = add("Title", "The title of the book.");

        // WHEN words carry quotes, operators, prefixes, column filters and negation
        for (String w : List.of("\"", "\"zebra", "zebra\"", "zebra*", "*", "NEAR", "NEAR(zebra", "-zebra", "title:zebra",
                ":", "AND", "OR", "NOT", "^zebra", "(", ")", "{title}", "")) {
            assertThatCode(() -> index().search(KeywordQuery.anyOf(List.of(w)), 0.5, 10)).as(w).doesNotThrowAnyException();
        }

        // THEN they are searched as the words they hold
        assertThat(index().search(KeywordQuery.anyOf(List.of("NEAR")), 0.5, 10)).extracting(KeywordHit::rowid)
                .containsExactly(zebra.rowids().get(0));
        assertThat(index().search(KeywordQuery.anyOf(List.of("-zebra")), 0.5, 10)).extracting(KeywordHit::rowid)
                .containsExactly(zebra.rowids().get(0));
        assertThat(index().search(KeywordQuery.anyOf(List.of("NOT")), 0.5, 10)).isEmpty();
        assertThat(index().search(KeywordQuery.allOf(List.of("title"), List.of("book")), 0.5, 10)).extracting(KeywordHit::rowid)
                .containsExactly(title.rowids().get(0));
    }

    @Test
    void aRareTermHasFewerDocumentsThanACommonOneAndAnAbsentTermNone() {
        filler();
        add("Park", "A zebra stood on the plain.");

        Map<String, Integer> df = index().documentFrequencies(List.of("zebra", "plain", "unicorn"));

        assertThat(df).containsEntry("zebra", 1).containsEntry("plain", 4).containsEntry("unicorn", 0);
        // So BM25's idf, log((N - n + 0.5) / (n + 0.5)), is higher for the rare term.
        long n = index().stats().passages();
        assertThat(Math.log((n - 1 + 0.5) / 1.5)).isGreaterThan(Math.log((n - 4 + 0.5) / 4.5));
    }

    @Test
    void statsCountPassagesAndTokensAndTheStampMovesWhenPassagesAreAdded() {
        // GIVEN an empty index
        IndexStats empty = index().stats();
        assertThat(empty.passages()).isZero();
        assertThat(empty.avgTokens()).isZero();

        // WHEN an article of two passages is added
        add("Two words", "one two three", "four five");
        IndexStats after = index().stats();

        // THEN the passages and tokens (titles included) are counted and the stamp has moved
        assertThat(after.passages()).isEqualTo(2);
        assertThat(after.tokens()).isEqualTo(2 + 3 + 2 + 2);
        assertThat(after.stamp()).isNotEqualTo(empty.stamp());
        assertThat(index().stats().stamp()).isEqualTo(after.stamp());
    }

    @Test
    void passagesComeWithTitlesAndTokenCountsAndUnknownRowidsAreLeftOut() {
        Corpus.Added a = add("Harbor Bridge", "The repairs cost a lot.", "They took a year.");

        Map<Long, IndexedPassage> rows = index().passages(List.of(a.rowids().get(1), 999_999L));

        assertThat(rows).containsOnlyKeys(a.rowids().get(1));
        IndexedPassage p = rows.get(a.rowids().get(1));
        assertThat(p.title()).isEqualTo("Harbor Bridge");
        assertThat(p.passage().text()).isEqualTo("They took a year.");
        assertThat(p.passage().articleId()).isEqualTo(a.articleId());
        assertThat(p.tokens()).isEqualTo(2 + 4);
        assertThat(index().passagesOf(a.articleId())).containsExactlyInAnyOrderElementsOf(a.rowids());
        assertThat(index().passagesOf("no-such-article")).isEmpty();
    }
}
