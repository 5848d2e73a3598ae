package dev.footnote.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract test shares: a fresh storage per test, opened by the implementation under
 * test. An implementation runs a contract by subclassing it and saying how to open its storage.
 */
public abstract class StorageContract {

    @TempDir
    protected Path dir;

    protected Storage storage;

    /** Opens the storage kept under {@code dir}; a second call with the same folder opens the same data. */
    protected abstract Storage open(Path dir);

    @BeforeEach
    void openStorage() {
        storage = open(dir);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** An article of one passage per sentence of {@code body} (sentences end in ". "), the last one labelled. */
    protected static NewArticle article(String source, String title, String hash, String body) {
        List<NewArticle.PassageSpan> spans = new ArrayList<>();
        int start = 0;
        int ordinal = 0;
        while (start < body.length()) {
            int dot = body.indexOf(". ", start);
            int end = dot < 0 ? body.length() : dot + 1;
            spans.add(new NewArticle.PassageSpan(ordinal++, start, end));
            start = dot < 0 ? body.length() : dot + 2;
        }
        NewArticle.PassageSpan last = spans.get(spans.size() - 1);
        return new NewArticle(source, title, "https://example.org/" + title.length(), "A. Writer", "2026-01-0" + (1 + title.length() % 9),
                hash, body, List.of("Source one — https://example.org/s"), spans,
                List.of(new NewArticle.PassageClaim(last.ordinal(), 0, last.start(), last.end(), "vague_attribution", "experts say", "why")),
                List.of(new NewArticle.PassageSentence(0, 0, spans.get(0).start(), spans.get(0).end())));
    }

    protected static AnswerRecord answer(String question, int flags, String origin) {
        return new AnswerRecord(0, null, "ask", question, null, "offline", "extractive", "v1", "[\"a#0\"]", "An answer [1].", false,
                "[]", flags == 0 ? "[]" : "[{\"kind\":\"uncited\"}]", flags, 12, null, 5, null, origin);
    }
}
