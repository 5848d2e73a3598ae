package dev.footnote.store.postgres;

import dev.footnote.store.Corpus;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Storage;
import java.util.ArrayList;
import java.util.List;

/** Writes contract-test articles through the storage's {@code articles().put}, as ingest does. */
final class PostgresCorpus implements Corpus {

    private final Storage storage;
    private int n;

    PostgresCorpus(Storage storage) {
        this.storage = storage;
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
        String id = storage.articles().put(new NewArticle("/corpus/" + n + ".md", title, "https://example.org/" + n, null, null,
                "hash-" + n, body.toString(), List.of(), spans, List.of())).articleId();
        List<Long> rowids = storage.database().read(c -> {
            List<Long> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT rowid FROM passages WHERE article_id = ? ORDER BY ordinal")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
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
