package dev.footnote.store.postgres;

import dev.footnote.store.Database;
import dev.footnote.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies an SQLite store into an empty PostgreSQL one ({@code footnote migrate}), table by table
 * and row for row, ids included, in one transaction: a failure leaves the target as empty as it
 * was. Rowids are kept, so vectors, threads, feedback and feed items still point at the same
 * rows; PostgreSQL's identity sequences are then moved past them. Passages get the keyword
 * index's columns computed as ingest computes them.
 */
public final class PostgresImport {

    /** Tables in an order where every row's references are copied before it. */
    static final List<String> TABLES = List.of("articles", "passages", "passage_claims", "passage_sourced", "passage_vectors",
            "sentence_vectors", "meta", "answers", "answer_feedback", "discord_guild_settings", "discord_views", "discord_threads",
            "discord_thread_turns", "eval_runs", "eval_results", "feeds", "feed_items");
    private static final int BATCH = 500;

    private PostgresImport() {
    }

    /** Rows copied per table, in copy order (tables with none included, as 0). */
    public static Map<String, Integer> copy(Database from, PostgresDatabase to) {
        return to.write(c -> {
            refuseUnlessEmpty(c, to);
            Map<String, Integer> copied = new LinkedHashMap<>();
            for (String table : TABLES) {
                copied.put(table, copyTable(from, c, table));
            }
            advanceIdentities(c);
            return copied;
        });
    }

    private static void refuseUnlessEmpty(Connection c, PostgresDatabase to) throws SQLException {
        for (String table : List.of("articles", "answers", "feeds", "discord_guild_settings", "eval_runs")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                if (rs.next() && rs.getBoolean(1)) {
                    throw new StoreException("The database " + to.url() + " already holds data (" + table
                            + "); migrate copies into an empty database only, so nothing was copied.");
                }
            }
        }
    }

    private static int copyTable(Database from, Connection to, String table) throws SQLException {
        List<String> targetColumns = insertable(to, table);
        boolean passages = table.equals("passages");
        String select = passages
                ? "SELECT p.*, a.title AS article_title FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY p.rowid"
                : "SELECT " + (targetColumns.contains("rowid") ? "rowid AS rowid, " : "") + "* FROM " + table + " ORDER BY rowid";
        return from.read(src -> {
            try (PreparedStatement ps = src.prepareStatement(select)) {
                ps.setFetchSize(BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> columns = common(rs.getMetaData(), targetColumns);
                    return insertAll(rs, to, table, columns, passages);
                }
            }
        });
    }

    private static int insertAll(ResultSet rs, Connection to, String table, List<String> columns, boolean passages) throws SQLException {
        List<String> names = new ArrayList<>(columns);
        List<String> values = new ArrayList<>(columns.stream().map(x -> "?").toList());
        if (passages) {
            names.addAll(List.of("tokens", "terms"));
            values.addAll(List.of("?", "?::tsvector"));
        }
        String sql = "INSERT INTO " + table + "(" + String.join(", ", names) + ") VALUES (" + String.join(", ", values) + ")";
        int n = 0;
        try (PreparedStatement ins = to.prepareStatement(sql)) {
            while (rs.next()) {
                int i = 1;
                for (String col : columns) {
                    ins.setObject(i++, rs.getObject(col));
                }
                if (passages) {
                    PostgresTerms.Indexed ix = PostgresTerms.index(PostgresTerms.stems(rs.getString("article_title")),
                            PostgresTerms.stems(rs.getString("text")));
                    ins.setInt(i++, ix.tokens());
                    ins.setString(i, ix.tsvector());
                }
                ins.addBatch();
                if (++n % BATCH == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        return n;
    }

    /** The target's columns a row may be given (generated ones are left to PostgreSQL). */
    private static List<String> insertable(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new StoreException("The target database has no table " + table + "; is it a Footnote database?");
        }
        return out;
    }

    /** Source columns the target has too, in source order, without the keyword-index ones (computed). */
    private static List<String> common(ResultSetMetaData md, List<String> target) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            if (target.contains(name) && !name.equals("tokens") && !name.equals("terms")) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }

    /** Moves every identity sequence past the ids copied, so the next row PostgreSQL numbers is new. */
    private static void advanceIdentities(Connection c) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rs.next()) {
                identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] tc : identities) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + tc[0] + "', '" + tc[1] + "'), COALESCE(MAX(" + tc[1] + "), 0) + 1, false) FROM " + tc[0]);
            }
        }
    }
}
