package dev.footnote.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.KeywordHit;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.KeywordQuery;
import dev.footnote.store.NewArticle;
import dev.footnote.store.PassageLookup;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import dev.footnote.text.Terms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same articles in SQLite (FTS5) and in PostgreSQL (tsvector): the keyword index must agree
 * on statistics, document frequencies, BM25 scores and the order they give, so that retrieval
 * answers the same on either backend. Rowids differ between the two, so rows are compared by
 * passage id; rows that tie on score may come in either order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresKeywordParityTest {

    private static final double REL = 1e-6;

    @TempDir
    static Path dir;

    private Storage sqlite;
    private Storage pg;
    private final Set<String> vocabulary = new LinkedHashSet<>();

    @BeforeAll
    void ingestBoth() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        try (InputStream in = getClass().getResourceAsStream("/samples/index.txt")) {
            for (String name : new String(in.readAllBytes()).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
                try (InputStream md = getClass().getResourceAsStream("/samples/" + name.strip())) {
                    Files.write(docs.resolve(name.strip()), md.readAllBytes());
                }
            }
        }
        sqlite = SqliteStorage.open(dir.resolve("parity.db"));
        pg = PostgresTestStorage.open(dir.resolve("pg"));
        for (Storage s : List.of(sqlite, pg)) {
            new Ingester(s.articles(), ClaimLabeller.NONE, Ingester.Options.defaults()).ingest(List.of(docs.toString()), Ingester.Progress.NONE);
            int n = 0;
            for (String[] a : TRICKY) {
                n++;
                s.articles().put(new NewArticle("/tricky/" + n, a[0], null, null, null, "t" + n, a[1], List.of(),
                        List.of(new NewArticle.PassageSpan(0, 0, a[1].length())), List.of()));
            }
        }
        for (var a : sqlite.articles().list()) {
            for (var p : sqlite.articles().passagesOf(a.id())) {
                vocabulary.addAll(Terms.words(p.text()));
            }
            vocabulary.addAll(Terms.words(a.title()));
        }
    }

    /** Text FTS5's tokenizer and the Java mirror must split and fold alike: accents, digits, case, repeats, other scripts. */
    private static final String[][] TRICKY = {
        {"Café Ünïcode résumé", "Le café naïve coöperate RÉSUMÉ résumé Zürich 2025 x86 1e5 3.14 don't it's ümlaut ΑΘΗΝΑ Москва 東京"},
        {"Running runners run", "Run running runs ran runner; the runners' run-off ran on. Running, RUNNING, run!"},
        {"Numbers 2026", "In 2026 the 41.3 million budget rose 6 percent to 43,700,000 — 12th time since 1999."},
        {"Bridge bridge bridge", "Bridge bridge bridges bridging bridged harbor harbour Harbor bridge."},
        {"The 1990s and mp3s", "In the 1990s x86s ran mp3s; by the 2020s covid19 came. Straße, naïves, caféing, ΟΔΟΣ οδός ά й ς ǖ ı ſ ϐ ё µ K."},
        {"Icons and scripts", "CEO 2021\uDB81\uDF8B\uDB81\uDFE0 likes x² ½ Ⅻ ⑤ 〇 क्षत्रिय 한국어 ﬁne ǅemal İstanbul e\u0301te\u0301 ‐ a_b."},
    };

    @AfterAll
    void close() {
        if (sqlite != null) {
            sqlite.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void statsAgree() {
        assertThat(pg.keywords().stats().passages()).isEqualTo(sqlite.keywords().stats().passages()).isPositive();
        assertThat(pg.keywords().stats().tokens()).isEqualTo(sqlite.keywords().stats().tokens());
    }

    @Test
    void documentFrequenciesAgree() {
        Terms terms = new Terms();
        Set<String> stems = new LinkedHashSet<>();
        for (String w : vocabulary) {
            stems.add(terms.stem(w));
        }
        stems.addAll(List.of("unicorn", "", "zzz"));
        Map<String, Integer> lite = sqlite.keywords().documentFrequencies(stems);
        Map<String, Integer> post = pg.keywords().documentFrequencies(stems);
        assertThat(stems.stream().filter(t -> !lite.get(t).equals(post.get(t))).map(t -> t + " " + lite.get(t) + "/" + post.get(t))).isEmpty();
        assertThat(lite.values().stream().filter(n -> n > 0)).hasSizeGreaterThan(100);
    }

    @Test
    void searchesRankAlike() {
        List<String> words = new ArrayList<>(vocabulary);
        Random random = new Random(16);
        List<KeywordQuery> queries = new ArrayList<>();
        for (String w : words) {
            queries.add(KeywordQuery.anyOf(List.of(w)));
        }
        for (int i = 0; i < 300; i++) {
            List<String> any = new ArrayList<>();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                any.add(words.get(random.nextInt(words.size())));
            }
            queries.add(KeywordQuery.anyOf(any));
            queries.add(KeywordQuery.allOf(List.of(any.get(0)), any));
        }
        queries.add(KeywordQuery.anyOf(List.of("run", "running", "runs", "bridge")));
        queries.add(KeywordQuery.anyOf(List.of("harbor bridge", "café", "résumé", "zürich")));
        queries.add(KeywordQuery.anyOf(List.of(":", "bridge*", "\"harbor", "NEAR(bridge", "-", "")));
        queries.add(KeywordQuery.allOf(List.of(":"), List.of("bridge")));
        queries.add(KeywordQuery.allOf(List.of("bridge", ":"), List.of("harbor", "ferry")));
        int compared = 0;
        for (KeywordQuery q : queries) {
            for (double titleWeight : new double[] {0.5, 0.0, 2.0}) {
                compared += compare(q, titleWeight, 10_000);
                compare(q, titleWeight, 3);
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    /** Same scores row by row; passage ids equal but for order among equal scores. Returns the rows compared. */
    private int compare(KeywordQuery q, double titleWeight, int limit) {
        List<Hit> lite = hits(sqlite.keywords(), q, titleWeight, limit);
        List<Hit> post = hits(pg.keywords(), q, titleWeight, limit);
        String what = q + " @" + titleWeight + " limit " + limit;
        assertThat(post).as(what).hasSameSizeAs(lite);
        for (int i = 0; i < lite.size(); i++) {
            assertThat(post.get(i).score()).as(what + " #" + i).isCloseTo(lite.get(i).score(), within(REL * Math.abs(lite.get(i).score()) + 1e-12));
        }
        // Ties: compare each run of equal scores as a set, except a run the limit cuts.
        int i = 0;
        while (i < lite.size()) {
            int j = i;
            while (j < lite.size() && Math.abs(lite.get(j).score() - lite.get(i).score()) <= REL * Math.abs(lite.get(i).score()) + 1e-12) {
                j++;
            }
            if (j < lite.size() || lite.size() < limit) {
                Set<String> a = new HashSet<>();
                Set<String> b = new HashSet<>();
                for (int k = i; k < j; k++) {
                    a.add(lite.get(k).passageId());
                    b.add(post.get(k).passageId());
                }
                assertThat(b).as(what + " rows " + i + ".." + j).isEqualTo(a);
            }
            i = j;
        }
        return lite.size();
    }

    private record Hit(String passageId, double score) {
    }

    private static List<Hit> hits(KeywordIndex index, KeywordQuery q, double titleWeight, int limit) {
        List<KeywordHit> found = index.search(q, titleWeight, limit);
        var rows = index.passages(found.stream().map(KeywordHit::rowid).toList());
        List<Hit> out = new ArrayList<>();
        for (KeywordHit h : found) {
            out.add(new Hit(rows.get(h.rowid()).passage().id(), h.score()));
        }
        return out;
    }

    @Test
    void tokenCountsAgreeRowByRow() {
        for (var a : sqlite.articles().list()) {
            Map<String, Long> lite = tokens(sqlite, a.id());
            assertThat(tokens(pg, a.id())).as(a.id()).isEqualTo(lite);
        }
    }

    private static Map<String, Long> tokens(Storage s, String articleId) {
        Map<String, Long> out = new TreeMap<>();
        s.keywords().passages(s.keywords().passagesOf(articleId)).values().forEach(p -> out.put(p.passage().id(), p.tokens()));
        return out;
    }

    @Test
    void phraseLookupsAgree() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (var a : sqlite.articles().list()) {
            sqlite.articles().passagesOf(a.id()).forEach(p -> texts.add(p.text()));
        }
        int found = 0;
        for (int i = 0; i < 200; i++) {
            List<String> w = Terms.words(texts.get(random.nextInt(texts.size())));
            int at = random.nextInt(Math.max(1, w.size() - 3));
            List<String> phrases = List.of(String.join(" ", w.subList(at, Math.min(w.size(), at + 1 + random.nextInt(3)))),
                    w.get(random.nextInt(w.size())));
            Set<String> lite = lookup(sqlite, phrases);
            assertThat(lookup(pg, phrases)).as(phrases.toString()).isEqualTo(lite);
            found += lite.size();
        }
        assertThat(lookup(pg, List.of("Harbor Bridge", "-"))).isEqualTo(lookup(sqlite, List.of("Harbor Bridge", "-"))).isEmpty();
        assertThat(found).isPositive();
    }

    private static Set<String> lookup(Storage s, List<String> phrases) {
        Set<String> out = new HashSet<>();
        for (PassageLookup.Found f : s.passageLookup().containingAll(phrases, "none", 1000)) {
            out.add(f.passage().id());
        }
        return out;
    }
}
