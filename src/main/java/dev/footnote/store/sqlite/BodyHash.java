package dev.footnote.store.sqlite;

import dev.footnote.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The hash of an article's normalised text, which tells that two sources hold the same article
 * ("duplicate of <id>"). The raw-bytes hash cannot: the same text saved as .md and .html differs
 * byte for byte. Registered on the writer connection as the SQL function {@code footnote_sha256},
 * so that the migration adding the column fills it for the articles already stored.
 */
final class BodyHash {

    static final String SQL_FUNCTION = "footnote_sha256";

    private BodyHash() {
    }

    static String of(String body) {
        return Sha256.hex(body.getBytes(StandardCharsets.UTF_8));
    }

    static void register(Connection c) throws SQLException {
        Function.create(c, SQL_FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String v = value_text(0);
                result(v == null ? null : of(v));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
