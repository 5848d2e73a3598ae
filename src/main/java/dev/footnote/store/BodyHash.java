package dev.footnote.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
