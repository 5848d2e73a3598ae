package dev.footnote.store;

import java.util.List;
import java.util.Optional;

/** Articles and their passages (with the full-text index of the passages kept beside them). */
public interface Articles {

    /** One article of {@link #putBatch}: stored with {@code outcome}, or not stored because of {@code failure}. */
    record Written(NewArticle article, PutOutcome outcome, String failure) {

        public static Written stored(NewArticle a, PutOutcome o) {
            return new Written(a, o, null);
        }

        public static Written failed(NewArticle a, String why) {
            return new Written(a, null, why);
        }

        public boolean stored() {
            return outcome != null;
        }
    }

    /** What is stored for {@code source}, if it was ingested before. */
    Optional<SourceState> sourceState(String source);

    /**
     * Adds the article, or replaces the one from the same source if its content changed. The whole
     * replacement is one transaction, so readers see the old article or the new one, never a mix.
     */
    PutOutcome put(NewArticle a);

    /**
     * Writes many articles, as few transactions as it can; one article that cannot be stored
     * costs only itself (its {@link Written} says why), the others land. Results are in the
     * order given.
     *
     * @throws DiskFullException when nothing more fits: what earlier calls stored stays
     */
    List<Written> putBatch(List<NewArticle> batch);

    /** Removes the article with its passages, their labels and vectors; false when there was none. */
    boolean remove(String id);

    int count();

    int passageCount();

    /** Every article, newest published first, then by title. */
    List<ArticleSummary> list();

    Optional<Article> get(String id);

    /**
     * Finds an article by id, else by a case-insensitive title match (exact first, then
     * substring). Returns every candidate when the reference is ambiguous.
     */
    List<ArticleSummary> find(String ref);

    /** The article's passages in order. */
    List<Passage> passagesOf(String articleId);

    Optional<Passage> passage(String passageId);
}
