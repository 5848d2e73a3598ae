package dev.footnote.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The yardstick: Apache Lucene's BM25 over the same passages (title and text fields, the title
 * weighted like Footnote's, English analysis with Porter stemming), queried with an OR of the
 * question's terms. Only the benchmark uses Lucene.
 */
final class LuceneIndex implements AutoCloseable {

    /** One passage to index. */
    record Doc(String articleId, String title, String text) {
    }

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final float titleWeight;

    LuceneIndex(Path folder, List<Doc> docs, float titleWeight) {
        this.titleWeight = titleWeight;
        try {
            dir = new MMapDirectory(folder);
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
            cfg.setRAMBufferSizeMB(128);
            try (IndexWriter w = new IndexWriter(dir, cfg)) {
                for (Doc d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField("article", d.articleId(), Field.Store.YES));
                    doc.add(new TextField("title", d.title(), Field.Store.NO));
                    doc.add(new TextField("text", d.text(), Field.Store.NO));
                    doc.add(new StoredField("body", d.text()));
                    w.addDocument(doc);
                }
                w.forceMerge(1);
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Article ids of the top {@code k} passages, fetching their stored text as Footnote does. */
    List<String> search(String question, int candidates, int k) {
        try {
            Set<String> terms = new LinkedHashSet<>();
            try (TokenStream ts = analyzer.tokenStream("text", question)) {
                CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    terms.add(a.toString());
                }
                ts.end();
            }
            if (terms.isEmpty()) {
                return List.of();
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String t : terms) {
                b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
                b.add(new BoostQuery(new TermQuery(new Term("title", t)), titleWeight), BooleanClause.Occur.SHOULD);
            }
            TopDocs top = searcher.search(b.build(), candidates);
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                if (out.size() == k) {
                    break;
                }
                Document d = searcher.storedFields().document(sd.doc);
                d.get("body");
                out.add(d.get("article"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
