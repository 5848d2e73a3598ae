package dev.footnote.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store: articles, passages, the FTS5 index, claim labels and answer records.
 *
 * <p>One writer connection behind a lock (SQLite allows one writer at a time anyway, and a Java
 * lock queues writers fairly instead of spinning on SQLITE_BUSY) and a small pool of reader
 * connections, which WAL lets run beside the writer. Writers in other processes are waited for:
 * see {@link WriteTransactions}.
 */
public final class Store implements Database {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    private static final int READERS = 4;
    private static final long READER_MMAP_BYTES = 1L << 30;

    private final Path path;
    private final WriteTransactions writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();

    private Store(Path path, WriteTransactions writer, List<Connection> readers) {
        this.path = path;
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()));
        this.readers.addAll(readers);
        this.allReaders.addAll(readers);
    }

    /** Opens (creating if needed) the database at {@code path} and brings its schema up to date. */
    public static Store open(Path path) {
        Path abs = path.toAbsolutePath();
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the database " + abs + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(abs)) {
            throw new StoreException("The database path " + abs + " is a folder; give a file path with --db.");
        }
        Connection w = null;
        List<Connection> rs = new ArrayList<>();
        try {
            // Another process may be creating the same new file (setting WAL takes a lock).
            w = WriteTransactions.retrying(abs, WriteTransactions.PATIENCE, () -> connect(abs, false));
            WriteTransactions tx = new WriteTransactions(w, abs, WriteTransactions.PATIENCE);
            Migrations.apply(tx, abs);
            for (int i = 0; i < READERS; i++) {
                rs.add(WriteTransactions.retrying(abs, WriteTransactions.PATIENCE, () -> connect(abs, true)));
            }
            return new Store(abs, tx, rs);
        } catch (RuntimeException e) {
            closeQuietly(w);
            rs.forEach(Store::closeQuietly);
            throw e;
        }
    }

    private static Connection connect(Path abs, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            cfg.setReadOnly(true);
            // Searches read FTS5 doclists page by page; through a memory map those pages are read
            // in place instead of copied out of the OS cache one read() at a time (about 15% less
            // CPU per planned query at 100k passages). Address space only: memory is the page cache.
            cfg.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(READER_MMAP_BYTES));
        } else {
            cfg.setCacheSize(-65536);
            cfg.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "16384");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs, cfg.toProperties());
        if (!readOnly) {
            BodyHash.register(c);
        }
        return c;
    }

    public Path path() {
        return path;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    // ---- unit-of-work helpers -------------------------------------------------------------

    /** Runs read-only work on a pooled reader connection. */
    @Override
    public <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw SqliteErrors.toStoreException(e, path);
        } finally {
            readers.offer(c);
        }
    }

    /**
     * Runs work in one write transaction: all of it commits or none of it does. Another process
     * writing the same file is waited for; the work may then run again from the start, so it must
     * act only through the connection.
     */
    @Override
    public <T> T write(Work<T> work) {
        return writer.write(work);
    }

    // ---- articles -------------------------------------------------------------------------

    /** What happened to an article on {@link #putArticle}. */
    /** DUPLICATE: another source already holds the same text; the outcome's id is that article's, nothing is written. */
    public enum PutResult { ADDED, UPDATED, UNCHANGED, DUPLICATE }

    public record PutOutcome(PutResult result, String articleId) {
    }

    /** The id and content hash stored for a source, if it was ingested before. */
    /**
     * What is stored for a source. {@code profiled} is false for an article ingested before its
     * sourced sentences were counted (V12): the same content is then read again, not skipped.
     */
    public record SourceState(String articleId, String contentHash, boolean profiled) {

        /** Whether ingesting {@code hash} again would change nothing. */
        public boolean unchangedBy(String hash) {
            return profiled && contentHash.equals(hash);
        }
    }

    public Optional<SourceState> sourceState(String source) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, profiled FROM articles WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SourceState(rs.getString(1), rs.getString(2), rs.getInt(3) != 0)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Adds the article, or replaces the one from the same source if its content changed. The whole
     * replacement is one transaction, so readers see the old article or the new one, never a mix.
     */
    public PutOutcome putArticle(NewArticle a) {
        return write(c -> putArticle(c, a));
    }

    /** Same as {@link #putArticle(NewArticle)} inside a caller's transaction (batched ingest). */
    public PutOutcome putArticle(Connection c, NewArticle a) throws SQLException {
        String existingId = null;
        String existingHash = null;
        boolean profiled = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, profiled FROM articles WHERE source = ?")) {
            ps.setString(1, a.source());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existingId = rs.getString(1);
                    existingHash = rs.getString(2);
                    profiled = rs.getInt(3) != 0;
                }
            }
        }
        // Unprofiled (ingested before V12): the same content is stored again, with its sourced sentences.
        if (existingId != null && profiled && existingHash.equals(a.contentHash())) {
            return new PutOutcome(PutResult.UNCHANGED, existingId);
        }
        // Inside the write transaction, so two writers cannot both find no twin and both insert.
        String bodyHash = BodyHash.of(a.body());
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM articles WHERE body_hash = ? AND source <> ? LIMIT 1")) {
            ps.setString(1, bodyHash);
            ps.setString(2, a.source());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new PutOutcome(PutResult.DUPLICATE, rs.getString(1));
                }
            }
        }
        String id;
        String now = Instant.now().toString();
        if (existingId != null) {
            id = existingId;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM passages WHERE article_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE articles SET title=?, url=?, author=?, published=?, content_hash=?, body=?, sources=?, ingested_at=?, body_hash=?, profiled=1 WHERE id=?")) {
                ps.setString(1, a.title());
                ps.setString(2, a.url());
                ps.setString(3, a.author());
                ps.setString(4, a.published());
                ps.setString(5, a.contentHash());
                ps.setString(6, a.body());
                ps.setString(7, toJson(a.sources()));
                ps.setString(8, now);
                ps.setString(9, bodyHash);
                ps.setString(10, id);
                ps.executeUpdate();
            }
        } else {
            id = uniqueId(c, slug(a.title()));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO articles(id, source, title, url, author, published, content_hash, body, sources, ingested_at, body_hash, profiled) VALUES (?,?,?,?,?,?,?,?,?,?,?,1)")) {
                ps.setString(1, id);
                ps.setString(2, a.source());
                ps.setString(3, a.title());
                ps.setString(4, a.url());
                ps.setString(5, a.author());
                ps.setString(6, a.published());
                ps.setString(7, a.contentHash());
                ps.setString(8, a.body());
                ps.setString(9, toJson(a.sources()));
                ps.setString(10, now);
                ps.setString(11, bodyHash);
                ps.executeUpdate();
            }
        }
        insertPassages(c, id, a);
        return new PutOutcome(existingId == null ? PutResult.ADDED : PutResult.UPDATED, id);
    }

    private static void insertPassages(Connection c, String id, NewArticle a) throws SQLException {
        // Rowids are given, not read back per row (that costs a query per passage): inside this
        // write transaction no other connection can insert, so MAX(rowid) + 1 onwards is free.
        long next;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(rowid), 0) FROM passages")) {
            next = rs.next() ? rs.getLong(1) + 1 : 1;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO passages(rowid, id, article_id, ordinal, start_char, end_char, text) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement f = c.prepareStatement("INSERT INTO passages_fts(rowid, title, text) VALUES (?,?,?)")) {
            for (NewArticle.PassageSpan s : a.passages()) {
                String text = a.body().substring(s.start(), s.end());
                long rowid = next++;
                p.setLong(1, rowid);
                p.setString(2, passageId(id, s.ordinal()));
                p.setString(3, id);
                p.setInt(4, s.ordinal());
                p.setInt(5, s.start());
                p.setInt(6, s.end());
                p.setString(7, text);
                p.addBatch();
                f.setLong(1, rowid);
                f.setString(2, a.title());
                f.setString(3, text);
                f.addBatch();
            }
            p.executeBatch();
            f.executeBatch();
        }
        if (!a.claims().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO passage_claims(passage_id, sentence, start_char, end_char, kind, cue, reason) VALUES (?,?,?,?,?,?,?)")) {
                for (NewArticle.PassageClaim cl : a.claims()) {
                    ps.setString(1, passageId(id, cl.passageOrdinal()));
                    ps.setInt(2, cl.sentence());
                    ps.setInt(3, cl.start());
                    ps.setInt(4, cl.end());
                    ps.setString(5, cl.kind());
                    ps.setString(6, cl.cue());
                    ps.setString(7, cl.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!a.sourced().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO passage_sourced(passage_id, sentence, start_char, end_char) VALUES (?,?,?,?)")) {
                for (NewArticle.PassageSentence s : a.sourced()) {
                    ps.setString(1, passageId(id, s.passageOrdinal()));
                    ps.setInt(2, s.sentence());
                    ps.setInt(3, s.start());
                    ps.setInt(4, s.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    public static String passageId(String articleId, int ordinal) {
        return articleId + "#" + ordinal;
    }

    static String slug(String title) {
        String s = dev.footnote.text.Terms.fold(title == null ? "" : title)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
            int dash = s.lastIndexOf('-');
            if (dash > 20) {
                s = s.substring(0, dash);
            }
        }
        return s.isEmpty() ? "article" : s;
    }

    private static String uniqueId(Connection c, String base) throws SQLException {
        String candidate = base;
        int n = 2;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
            while (true) {
                ps.setString(1, candidate);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return candidate;
                    }
                }
                candidate = base + "-" + n++;
            }
        }
    }

    public boolean removeArticle(String id) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public int articleCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public int passageCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM passages")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public List<ArticleSummary> listArticles() {
        return read(c -> {
            List<ArticleSummary> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT a.id, a.title, a.published, a.url, (SELECT COUNT(*) FROM passages p WHERE p.article_id = a.id), a.source "
                            + "FROM articles a ORDER BY COALESCE(a.published, '') DESC, a.title")) {
                while (rs.next()) {
                    out.add(new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    public Optional<Article> article(String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, source, title, url, author, published, content_hash, body, sources, ingested_at FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), fromJson(rs.getString(9)), rs.getString(10)));
                }
            }
        });
    }

    /**
     * Finds an article by id, else by a case-insensitive title match (exact first, then unique
     * substring). Returns every candidate when the reference is ambiguous.
     */
    public List<ArticleSummary> findArticles(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            return List.of();
        }
        List<ArticleSummary> all = listArticles();
        for (ArticleSummary a : all) {
            if (a.id().equalsIgnoreCase(r)) {
                return List.of(a);
            }
        }
        String lr = r.toLowerCase(Locale.ROOT);
        List<ArticleSummary> exact = all.stream().filter(a -> a.title().toLowerCase(Locale.ROOT).equals(lr)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return all.stream().filter(a -> a.title().toLowerCase(Locale.ROOT).contains(lr)
                || a.id().contains(lr)).toList();
    }

    public List<Passage> passagesOf(String articleId) {
        return read(c -> {
            List<Passage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, article_id, ordinal, start_char, end_char, text FROM passages WHERE article_id = ? ORDER BY ordinal")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(passage(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Passage> passage(String passageId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, article_id, ordinal, start_char, end_char, text FROM passages WHERE id = ?")) {
                ps.setString(1, passageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(passage(rs)) : Optional.empty();
                }
            }
        });
    }

    static Passage passage(ResultSet rs) throws SQLException {
        return new Passage(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6));
    }

    /**
     * Stored claim labels of the given passages, keyed by passage id; a sentence's labels in the
     * order ingest wrote them (rowid), which is strongest first.
     */
    public Map<String, List<ClaimLabel>> claimsOf(List<String> passageIds) {
        if (passageIds.isEmpty()) {
            return Map.of();
        }
        return read(c -> {
            Map<String, List<ClaimLabel>> out = new java.util.LinkedHashMap<>();
            String marks = String.join(",", java.util.Collections.nCopies(passageIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT passage_id, sentence, start_char, end_char, kind, cue, reason FROM passage_claims WHERE passage_id IN ("
                            + marks + ") ORDER BY passage_id, sentence, rowid")) {
                for (int i = 0; i < passageIds.size(); i++) {
                    ps.setString(i + 1, passageIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClaimLabel(
                                rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    // ---- answers --------------------------------------------------------------------------

    /** Records an answer (id and createdAt of the argument are ignored); returns its id. */
    public long recordAnswer(AnswerRecord r) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO answers(created_at, kind, question, article_id, provider, model, prompt_version, passages, answer, "
                            + "refused, citations, flags, flag_count, latency_ms, input_tokens, output_tokens, error, origin) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, r.kind());
                ps.setString(3, r.question());
                ps.setString(4, r.articleId());
                ps.setString(5, r.provider());
                ps.setString(6, r.model());
                ps.setString(7, r.promptVersion());
                ps.setString(8, r.passagesJson());
                ps.setString(9, r.answer());
                ps.setInt(10, r.refused() ? 1 : 0);
                ps.setString(11, r.citationsJson());
                ps.setString(12, r.flagsJson());
                ps.setInt(13, r.flagCount());
                ps.setLong(14, r.latencyMs());
                ps.setObject(15, r.inputTokens());
                ps.setObject(16, r.outputTokens());
                ps.setString(17, r.error());
                ps.setString(18, r.origin());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public Optional<AnswerRecord> answerRecord(long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COLUMNS + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(answerRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Recent answers, newest first; only those that carried flags when {@code flaggedOnly}. */
    public List<AnswerRecord> recentAnswers(String sinceIso, boolean flaggedOnly, int limit) {
        return read(c -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COLUMNS + " WHERE created_at >= ?"
                    + (flaggedOnly ? " AND flag_count > 0" : "") + " ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, sinceIso == null ? "" : sinceIso);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(answerRecord(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Stores a user's vote on an answer; a second vote by the same user replaces the first. */
    public void recordFeedback(long answerId, String userId, int vote) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO answer_feedback(answer_id, user_id, vote, created_at) VALUES (?,?,?,?) "
                            + "ON CONFLICT(answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at")) {
                ps.setLong(1, answerId);
                ps.setString(2, userId);
                ps.setInt(3, Integer.signum(vote));
                ps.setString(4, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Up and down votes of an answer. */
    public int[] feedback(long answerId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM answer_feedback WHERE answer_id = ?")) {
                ps.setLong(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2)};
                }
            }
        });
    }

    static final String ANSWER_COLUMNS = "SELECT id, created_at, kind, question, article_id, provider, model, prompt_version, "
            + "passages, answer, refused, citations, flags, flag_count, latency_ms, input_tokens, output_tokens, error, origin FROM answers";

    static AnswerRecord answerRecord(ResultSet rs) throws SQLException {
        return new AnswerRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11) != 0,
                rs.getString(12), rs.getString(13), rs.getInt(14), rs.getLong(15), (Integer) rs.getObject(16),
                (Integer) rs.getObject(17), rs.getString(18), rs.getString(19));
    }

    // ---- meta -----------------------------------------------------------------------------

    public Optional<String> meta(String key) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void putMeta(String key, String value) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    // ---- json helpers ---------------------------------------------------------------------

    public static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fromJson(String s) {
        return fromJson(s, new TypeReference<List<String>>() { }, List.of());
    }

    /** Reads a JSON column written by {@link #toJson}; {@code fallback} when it is missing or unreadable. */
    public static <T> T fromJson(String s, TypeReference<T> type, T fallback) {
        try {
            T value = s == null ? null : JSON.readValue(s, type);
            return value == null ? fallback : value;
        } catch (IOException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        writer.close();
        allReaders.forEach(Store::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing; nothing useful to do
            }
        }
    }
}
