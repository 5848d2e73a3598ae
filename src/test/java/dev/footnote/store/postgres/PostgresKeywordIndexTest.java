package dev.footnote.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.KeywordIndexContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link KeywordIndexContract} on a real PostgreSQL server. */
class PostgresKeywordIndexTest extends KeywordIndexContract {

    @Override
    protected Fixture open(Path dir) {
        Storage storage = PostgresTestStorage.open(dir);
        return new Fixture(storage.keywords(), new PostgresCorpus(storage), storage);
    }

    @Test
    void stemsAreLexemesAsTheyAreEvenWhereThePostgresParserWouldSplitThem() {
        // Digits, a number PostgreSQL's parser reads as one, quotes and letters outside ASCII.
        PostgresTerms.Indexed ix = PostgresTerms.index(List.of("1e5"), List.of("x86", "naïv", "it'", "back\\slash", "1e5"));
        assertThat(ix.tokens()).isEqualTo(6);
        assertThat(ix.tsvector()).isEqualTo("'1e5':1A,7 'x86':3 'naïv':4 'it''':5 'back\\\\slash':6");
        try (Storage s = PostgresTestStorage.open(dir)) {
            List<String> lexemes = s.database().read(c -> {
                List<String> out = new java.util.ArrayList<>();
                try (var ps = c.prepareStatement("SELECT lexeme, array_to_string(positions, ','), array_to_string(weights, ',') "
                        + "FROM unnest(?::tsvector) ORDER BY lexeme")) {
                    ps.setString(1, ix.tsvector());
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1) + "@" + rs.getString(2) + "/" + rs.getString(3));
                        }
                    }
                }
                return out;
            });
            assertThat(lexemes).containsExactlyInAnyOrder("1e5@1,7/A,D", "x86@3/D", "naïv@4/D", "it'@5/D", "back\\slash@6/D");
        }
    }
}
