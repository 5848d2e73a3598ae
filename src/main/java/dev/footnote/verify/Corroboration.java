package dev.footnote.verify;

import dev.footnote.answer.Flag;
import dev.footnote.answer.FlagKind;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.PassageLookup;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each flag an answer carries because a cited passage leaves its claim unsourced, whether the
 * other articles report the same claim: the same figures and names, in close wording
 * ({@link ClaimKey}). The flag's reason then ends "Also reported by "Title" (agreement between
 * articles, not proof)." or "Found in no other article.", and {@link Flag#corroboratedBy()} lists
 * the passages that agree (empty when none). Agreement is not verification: two articles can copy
 * the same unsourced figure, which is why it is worded as agreement and the flag stays.
 *
 * <p>Cost: one full-text query per flagged claim, on its figures and rarest names, then a linear
 * scan of at most {@link #CANDIDATES} passages.
 */
public final class Corroboration {

    /** Flag kinds that come from a passage's stored label: the ones a claim elsewhere can agree with. */
    static final Set<String> CLAIM_KINDS = Set.of(FlagKind.VAGUE_ATTRIBUTION.wire(), FlagKind.UNVERIFIABLE_SOURCE.wire(),
            FlagKind.UNATTRIBUTED_FIGURE.wire(), FlagKind.ANACHRONISM.wire(), FlagKind.SPECULATION.wire());
    static final int CANDIDATES = 40;
    static final int MAX_LISTED = 5;

    private final PassageLookup lookup;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public Corroboration(PassageLookup lookup) {
        this.lookup = lookup;
    }

    /** The flags with corroboration added to those that rest on a cited passage's label; others unchanged. */
    public List<Flag> annotate(List<Flag> flags, List<NumberedPassage> given, Map<String, List<ClaimLabel>> labels) {
        Map<String, Found> memo = new LinkedHashMap<>();
        Terms terms = new Terms();
        List<Flag> out = new ArrayList<>(flags.size());
        for (Flag f : flags) {
            NumberedPassage p = f.citation() == null || !CLAIM_KINDS.contains(f.kind()) ? null : numbered(given, f.citation());
            ClaimLabel label = p == null ? null : label(labels.getOrDefault(p.passage().id(), List.of()), f);
            if (label == null) {
                out.add(f);
                continue;
            }
            String sentence = sentenceOf(p, label);
            Found found = memo.computeIfAbsent(p.passage().id() + "|" + label.sentence(), k -> find(sentence, p, terms));
            out.add(new Flag(f.sentence(), f.kind(), f.citation(), f.cue(), f.reason() + " " + words(found, given),
                    found.passageIds()));
        }
        return out;
    }

    /** Passages of other articles that state the claim, and their titles, in order found. */
    record Found(List<String> passageIds, List<String> titles) {
    }

    private Found find(String sentence, NumberedPassage from, Terms terms) {
        ClaimKey key = ClaimKey.of(sentence, terms);
        if (!key.searchable()) {
            return new Found(List.of(), List.of());
        }
        List<String> phrases = new ArrayList<>();
        for (String fig : key.figures()) {
            phrases.add(fig.replace(" percent", ""));
        }
        // The longest names are the rarest, as a rule: two of them narrow the search enough.
        key.names().stream().sorted((a, b) -> b.length() - a.length() != 0 ? b.length() - a.length() : a.compareTo(b))
                .limit(2).forEach(phrases::add);
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Set<String> articles = new java.util.HashSet<>();
        for (PassageLookup.Found c : lookup.containingAll(phrases, from.passage().articleId(), CANDIDATES)) {
            String text = c.passage().text();
            for (Span s : splitter.split(text)) {
                if (key.sameClaim(ClaimKey.of(s.of(text), terms))) {
                    ids.add(c.passage().id());
                    if (articles.add(c.passage().articleId())) {
                        titles.add(c.title());
                    }
                    break;
                }
            }
        }
        return new Found(List.copyOf(ids), List.copyOf(titles));
    }

    /** "Also reported by [3] "Title" and 1 other article (agreement between articles, not proof)." or "Found in no other article." */
    static String words(Found found, List<NumberedPassage> given) {
        if (found.titles().isEmpty()) {
            return "Found in no other article.";
        }
        StringBuilder b = new StringBuilder("Also reported by ");
        int shown = Math.min(2, found.titles().size());
        for (int i = 0; i < shown; i++) {
            String title = found.titles().get(i);
            b.append(i > 0 ? " and " : "");
            Integer n = numberOf(given, found.passageIds(), title);
            b.append(n == null ? "" : "[" + n + "] ").append('"').append(title).append('"');
        }
        int more = found.titles().size() - shown;
        if (more > 0) {
            b.append(" and ").append(more).append(more == 1 ? " other article" : " other articles");
        }
        return b.append(" (agreement between articles, not proof).").toString();
    }

    /** The answer's number for a corroborating passage of this title, when the answer was given it. */
    private static Integer numberOf(List<NumberedPassage> given, List<String> ids, String title) {
        for (NumberedPassage p : given) {
            if (ids.contains(p.passage().id()) && title.equals(p.title())) {
                return p.n();
            }
        }
        return null;
    }

    private static NumberedPassage numbered(List<NumberedPassage> given, int n) {
        for (NumberedPassage p : given) {
            if (p.n() == n) {
                return p;
            }
        }
        return null;
    }

    /** The stored label this flag was made from: same kind and cue (ClaimChecker copies both). */
    private static ClaimLabel label(List<ClaimLabel> labels, Flag f) {
        for (ClaimLabel l : labels) {
            if (l.kind().equals(f.kind()) && l.cue().equals(f.cue() == null ? "" : f.cue())) {
                return l;
            }
        }
        return null;
    }

    /** The labelled sentence: label offsets are into the article body, the passage starts at its own offset. */
    private static String sentenceOf(NumberedPassage p, ClaimLabel l) {
        String text = p.passage().text();
        int s = Math.max(0, l.start() - p.passage().start());
        int e = Math.min(text.length(), l.end() - p.passage().start());
        return s < e ? text.substring(s, e) : text;
    }
}
