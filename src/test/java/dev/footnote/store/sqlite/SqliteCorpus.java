package dev.footnote.store.sqlite;

import dev.footnote.store.Corpus;
import dev.footnote.store.NewArticle;
import dev.footnote.store.jdbc.JdbcArticles;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Writes contract-test articles through {@link JdbcArticles#put} with SQLite's writer, as ingest does. */
final class SqliteCorpus implements Corpus {

    private final SqliteDatabase store;
    private int n;

    SqliteCorpus(SqliteDatabase store) {
        this.store = store;
    }

    @Override
    public Added add(String title, String... passages) {
        StringBuilder body = new StringBuilder();
        List<NewArticle.PassageSpan> spans = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            if (i > 0) {
                body.append('\n');
            }
            int start = body.length();
            body.append(passages[i]);
            spans.add(new NewArticle.PassageSpan(i, start, body.length()));
        }
        n++;
        String id = new JdbcArticles(store, new ArticleWrites()).put(new NewArticle("/corpus/" + n + ".md", title, "https://example.org/" + n, null, null,
                "hash-" + n, body.toString(), List.of(), spans, List.of())).articleId();
        List<Long> rowids = store.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM passages WHERE article_id = ? ORDER BY ordinal")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        return new Added(id, rowids);
    }
}
