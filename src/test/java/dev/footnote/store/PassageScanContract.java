package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What any {@link PassageScan} does; subclasses say how to make one on their storage. */
public abstract class PassageScanContract extends StorageContract {

    protected abstract PassageScan scan(Storage storage);

    @Test
    public void pagesWalkEveryPassageOnceInRowidOrderWithItsTitle() {
        // GIVEN two articles of three and two passages
        storage.articles().put(article("/a.md", "First report", "h1", "One a. Two a. Three a."));
        storage.articles().put(article("/b.md", "Second report", "h2", "One b. Two b."));
        PassageScan scan = scan(storage);

        // WHEN walked two at a time
        List<PassageScan.Row> all = new ArrayList<>();
        long after = 0;
        for (List<PassageScan.Row> page = scan.after(after, 2); !page.isEmpty(); page = scan.after(after, 2)) {
            assertThat(page.size()).isLessThanOrEqualTo(2);
            all.addAll(page);
            after = page.get(page.size() - 1).rowid();
        }

        // THEN every passage comes once, in rowid order, with its article and title
        assertThat(all).extracting(PassageScan.Row::passageId)
                .containsExactly("first-report#0", "first-report#1", "first-report#2", "second-report#0", "second-report#1");
        assertThat(all).extracting(PassageScan.Row::rowid).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(3).title()).isEqualTo("Second report");
        assertThat(all.get(3).articleId()).isEqualTo("second-report");
        assertThat(all.get(1).text()).isEqualTo("Two a.");
        assertThat(scan.after(all.get(all.size() - 1).rowid(), 10)).isEmpty();
    }
}
