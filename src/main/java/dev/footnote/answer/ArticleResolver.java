package dev.footnote.answer;

import dev.footnote.store.Article;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.Articles;
import java.util.List;

/**
 * The one way an article is named by a person: its id, or a part of its title that only one article
 * has. Every command that takes an article (remove, summarize, ask --article, chat, Discord) goes
 * through here, so a name that works in one works in all, and an ambiguous one fails the same way.
 */
public final class ArticleResolver {

    /** How many of the matching ids an ambiguity message lists; more would not fit one line. */
    static final int SHOWN = 5;

    private final Articles store;

    public ArticleResolver(Articles store) {
        this.store = store;
    }

    /** The article {@code ref} names, or an {@link AnswerException} saying why none or several do. */
    public Article resolve(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            throw new AnswerException("Which article? Give its id or a part of its title; list them with `articles`.");
        }
        List<ArticleSummary> found = store.find(r);
        if (found.isEmpty()) {
            throw new AnswerException("No article matches \"" + r + "\"; list them with `articles`.");
        }
        if (found.size() > 1) {
            StringBuilder b = new StringBuilder("\"" + r + "\" matches " + found.size() + " articles; use more of the title or an id: ");
            for (int i = 0; i < Math.min(SHOWN, found.size()); i++) {
                b.append(i > 0 ? ", " : "").append(found.get(i).id());
            }
            throw new AnswerException(b.append(found.size() > SHOWN ? ", ..." : "").append('.').toString());
        }
        return store.get(found.get(0).id()).orElseThrow(() -> new AnswerException("That article was just removed."));
    }
}
