package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What any {@link PassageLookup} does. */
public abstract class PassageLookupContract extends StorageContract {

    @Test
    public void findsOtherArticlesPassagesHoldingEveryPhrase() {
        // GIVEN three articles, two of which report the same figure
        String a = storage.articles().put(article("/a.md", "First report", "h1",
                "The council approved a budget of 40 million. Ferries run hourly.")).articleId();
        storage.articles().put(article("/b.md", "Second report", "h2", "Officials said the budget of 40 million was approved. Rain fell."));
        storage.articles().put(article("/c.md", "Third report", "h3", "A budget was discussed. Nothing was approved."));
        // WHEN the first article's claim is looked up elsewhere
        List<PassageLookup.Found> found = storage.passageLookup().containingAll(List.of("budget", "40 million", "approved"), a, 10);
        // THEN only the second article's passage holds all three, with its title
        assertThat(found).extracting(PassageLookup.Found::title).containsExactly("Second report");
        assertThat(found.get(0).passage().text()).contains("40 million");
        assertThat(storage.passageLookup().containingAll(List.of("budget"), a, 1)).hasSize(1);
    }

    @Test
    public void phrasesAreWordsNeverQuerySyntax() {
        storage.articles().put(article("/a.md", "First report", "h1", "The NEAR future looks \"bright\" - or not."));
        assertThat(storage.passageLookup().containingAll(List.of("NEAR future", "\"bright\" -"), "none", 5)).hasSize(1);
        assertThat(storage.passageLookup().containingAll(List.of("AND * : zebra"), "none", 5)).isEmpty();
    }
}
