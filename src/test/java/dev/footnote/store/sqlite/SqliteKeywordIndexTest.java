package dev.footnote.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.KeywordIndexContract;
import dev.footnote.store.KeywordQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteKeywordIndexTest extends KeywordIndexContract {

    @Override
    protected Fixture open(Path dir) {
        SqliteDatabase store = SqliteDatabase.open(dir.resolve("search-keywords.db"));
        return new Fixture(new SqliteKeywordIndex(store), new SqliteCorpus(store), store);
    }

    @Test
    void theMatchExpressionsAreThoseThePlannerHasAlwaysSent() {
        // Same strings as before the index was an interface, so FTS5 plans and timings stay as they were.
        assertThat(SqliteKeywordIndex.match(KeywordQuery.anyOf(List.of("zebra", "quokka")))).isEqualTo("\"zebra\" OR \"quokka\"");
        assertThat(SqliteKeywordIndex.match(KeywordQuery.allOf(List.of("zebra"), List.of("quokka")))).isEqualTo("\"zebra\" AND \"quokka\"");
        assertThat(SqliteKeywordIndex.match(KeywordQuery.allOf(List.of("a"), List.of("a", "b"))))
                .isEqualTo("(\"a\") AND (\"a\" OR \"b\")");
        assertThat(SqliteKeywordIndex.match(KeywordQuery.allOf(List.of("a", "b"), List.of("a", "b", "c"))))
                .isEqualTo("(\"a\" OR \"b\") AND (\"a\" OR \"b\" OR \"c\")");
        assertThat(SqliteKeywordIndex.match(KeywordQuery.anyOf(List.of("say \"x\"")))).isEqualTo("\"say x\"");
        assertThat(SqliteKeywordIndex.match(KeywordQuery.anyOf(List.of("\"")))).isNull();
        assertThat(SqliteKeywordIndex.match(KeywordQuery.anyOf(List.of()))).isNull();
    }
}
