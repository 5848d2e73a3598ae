package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What any {@link ClaimLabels} does. */
public abstract class ClaimLabelsContract extends StorageContract {

    @Test
    public void labelsComeBackByPassageStrongestFirst() {
        // GIVEN a sentence with two labels, the stronger written first, as ingest writes them
        String body = "Plain words here. Experts say 40% agree.";
        NewArticle a = new NewArticle("/a.md", "Test Title", null, null, null, "h1", body, List.of(),
                List.of(new NewArticle.PassageSpan(0, 0, 17), new NewArticle.PassageSpan(1, 18, body.length())),
                List.of(new NewArticle.PassageClaim(1, 0, 18, body.length(), "vague_attribution", "experts say", "who?"),
                        new NewArticle.PassageClaim(1, 0, 18, body.length(), "unsourced_figure", "40%", "whence?")));
        storage.articles().put(a);
        // WHEN the labels of both passages are asked for
        Map<String, List<ClaimLabel>> labels = storage.claims().claimsOf(List.of("test-title#0", "test-title#1"));
        // THEN only the labelled passage has any, in the order written
        assertThat(labels).containsOnlyKeys("test-title#1");
        assertThat(labels.get("test-title#1")).extracting(ClaimLabel::kind).containsExactly("vague_attribution", "unsourced_figure");
        assertThat(labels.get("test-title#1").get(0)).isEqualTo(
                new ClaimLabel("test-title#1", 0, 18, body.length(), "vague_attribution", "experts say", "who?"));
        assertThat(storage.claims().claimsOf(List.of())).isEmpty();
    }

    @Test
    public void aProfileCountsEachSentenceOnceUnderItsStrongestKind() {
        // GIVEN an article with one sourced sentence and one sentence labelled twice
        String body = "Plain words here. Experts say 40% agree.";
        storage.articles().put(new NewArticle("/a.md", "Test Title", null, null, null, "h1", body, List.of(),
                List.of(new NewArticle.PassageSpan(0, 0, 17), new NewArticle.PassageSpan(1, 18, body.length())),
                List.of(new NewArticle.PassageClaim(1, 0, 18, body.length(), "vague_attribution", "experts say", "who?"),
                        new NewArticle.PassageClaim(1, 0, 18, body.length(), "unsourced_figure", "40%", "whence?")),
                List.of(new NewArticle.PassageSentence(0, 0, 0, 17))));
        storage.articles().put(article("/b.md", "Other", "h2", "Other words. Experts say more."));
        // THEN the profile counts two claims: one sourced, one vague attribution
        SourcingProfile p = storage.claims().profileOf("test-title");
        assertThat(p).isEqualTo(SourcingProfile.of(1, Map.of("vague_attribution", 1)));
        assertThat(p.claims()).isEqualTo(2);
        // AND every article has its profile; an unknown one has an empty profile
        assertThat(storage.claims().profiles()).containsOnlyKeys("test-title", "other").containsEntry("test-title", p);
        assertThat(storage.claims().profileOf("nope").claims()).isZero();
    }
}
