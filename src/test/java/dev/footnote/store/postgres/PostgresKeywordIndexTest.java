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
        assertThat(ix.tsvector()).isEqualTo("'1e5':1A,260 'x86':256 'naïv':257 'it''':258 'back\\\\slash':259");
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
            assertThat(lexemes).containsExactlyInAnyOrder("1e5@1,260/A,D", "x86@256/D", "naïv@257/D", "it'@258/D", "back\\slash@259/D");
        }
    }
}
