package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;
import java.util.Set;

/**
 * {@code unverifiable_source}: a reference that names at most a publisher, a type and a date and
 * gives the reader nothing to find it by: "according to a 2023 Gartner report", "as reported in a
 * 2023 TechCrunch article", "a recent McKinsey study found", "per a 2023 IDC survey", "a 2023
 * survey by Gallup", "Gartner's 2023 report". A publisher's name alone made such a sentence
 * sourced before: it names a body, but not a document anyone can look up.
 *
 * <p>The sentence must rest on it ("according to", "per", "in" or "from" before it, or a verb of
 * finding after it). The reference stays sourced when something identifies the document: a title (quoted, or after
 * "titled"), a link in the sentence, a named author ("by Jane Doe"), an issue, edition or volume, a
 * publication day ("published on March 3"), or a publisher the article lists among its sources.
 * References by type alone ("a 2024 analyst study") are the {@code document} cues of
 * {@link AttributionRule}; a capitalised type is a title ("the Global Risks Report").
 *
 * <p>Each candidate is matched within a dozen tokens of its determiner, so the scan is linear.
 */
final class UnverifiableSourceRule implements ClaimRule {

    private static final int MAX_PUBLISHER = 4;
    private static final int MAX_MODIFIERS = 2;

    private final Lexicon lex;
    private final DeclaredSources declared;
    private final Set<String> types;
    private final Set<String> qualifiers;
    private final Set<String> identifiers;
    private final Set<String> citing;
    private final Set<String> findingVerbs;
    private final String reason;

    UnverifiableSourceRule(Lexicon lex, DeclaredSources declared) {
        this.lex = lex;
        this.declared = declared;
        this.types = lex.list("source_types");
        this.qualifiers = lex.list("reference_qualifiers");
        this.identifiers = lex.list("reference_identifiers");
        this.citing = lex.list("citing_words");
        this.findingVerbs = lex.list("finding_verbs");
        this.reason = lex.cues.setting("unverifiable.reason", "Cites \"{cue}\" but gives no title or link, so a reader cannot check it.");
    }

    /** A reference found in a sentence: tokens [from, to) and where its publisher's name is. */
    private record Reference(int from, int to, int publisherFrom, int publisherTo) {
    }

    @Override
    public Optional<Finding> apply(SentenceFacts s) {
        SentenceTokens t = s.tokens();
        if (AttributionReader.hasLink(s.body())) {
            return Optional.empty();
        }
        for (int k = 0; k < t.size; k++) {
            Reference r = referenceAt(t, k);
            if (r != null && cited(t, r) && !identified(t, r) && !declaredPublisher(t, r, s.ctx())) {
                String cue = Cite.lowerFirst(t, r.from(), r.to());
                return Optional.of(new Finding(FlagKind.UNVERIFIABLE_SOURCE, cue, reason.replace("{cue}", cue), 2));
            }
        }
        return Optional.empty();
    }

    /** A reference starting at token k, or null. */
    private Reference referenceAt(SentenceTokens t, int k) {
        if (t.type[k] != SentenceTokens.WORD) {
            return null;
        }
        String w = t.text[k];
        boolean indefinite = w.equals("a") || w.equals("an");
        if (indefinite || w.equals("the")) {
            int j = k + 1;
            boolean dated = false;
            while (j < t.size && j <= k + 3 && (Lexicon.yearAt(t, j) >= 0 || isQualifier(t, j))) {
                dated |= Lexicon.yearAt(t, j) >= 0 || qualifiers.contains(t.text[j]);
                j++;
            }
            // "the report" refers back to one the article introduced; "the 2023 Gartner report" is a new one.
            if (!indefinite && !dated) {
                return null;
            }
            int p = publisher(t, j);
            if (p > j) {
                int type = typeAfter(t, p);
                return type < 0 ? null : new Reference(k, type + 1, j, p);
            }
            // "a 2023 survey by Gallup", "a recent study from McKinsey"
            int type = typeAfter(t, j);
            if (type < 0) {
                return null;
            }
            int by = type + 1;
            if (t.is(by, "published") || t.is(by, "released") || t.is(by, "conducted") || t.is(by, "commissioned")) {
                by++;
            }
            if (!t.is(by, "by") && !t.is(by, "from")) {
                return null;
            }
            int n = t.is(by + 1, "the") ? by + 2 : by + 1;
            int pe = publisher(t, n);
            if (pe <= n || !t.is(by + 1, "the") && pe - n >= 2 && t.is(by, "by")) {
                return null; // "by Jane Doe": a named author, a person a reader can look up
            }
            return new Reference(k, pe, n, pe);
        }
        // "Gartner's 2023 report", "McKinsey's recent study"
        int p = publisher(t, k);
        if (p > k && p < t.size && t.is(p, "s") && (k == 0 || !t.cap[k - 1] || t.type[k - 1] != SentenceTokens.WORD)) {
            int j = p + 1;
            boolean dated = false;
            while (j < t.size && j <= p + 3 && (Lexicon.yearAt(t, j) >= 0 || isQualifier(t, j))) {
                dated |= Lexicon.yearAt(t, j) >= 0 || qualifiers.contains(t.text[j]);
                j++;
            }
            int type = dated ? typeAfter(t, j) : -1;
            return type < 0 ? null : new Reference(k, type + 1, k, p);
        }
        return null;
    }

    private boolean isQualifier(SentenceTokens t, int j) {
        return t.type[j] == SentenceTokens.WORD && !t.cap[j] && qualifiers.contains(t.text[j])
                || t.type[j] == SentenceTokens.WORD && t.cap[j] && lex.months.contains(t.text[j]) && Lexicon.yearAt(t, j + 1) >= 0;
    }

    /** The end of a run of capitalised words at j that can be a publisher ("Gartner", "McKinsey Global Institute"), or j. */
    private int publisher(SentenceTokens t, int j) {
        int e = j;
        while (e < t.size && e < j + MAX_PUBLISHER && t.type[e] == SentenceTokens.WORD && t.cap[e]
                && !lex.months.contains(t.text[e]) && !types.contains(t.text[e])) {
            e++;
        }
        return e;
    }

    /** The index of a lower-case source type at j, after at most two lower-case modifiers ("market research report"), or -1. */
    private int typeAfter(SentenceTokens t, int j) {
        for (int i = j; i < t.size && i <= j + MAX_MODIFIERS; i++) {
            if (t.type[i] != SentenceTokens.WORD || t.cap[i]) {
                return -1;
            }
            String w = t.text[i];
            if (types.contains(w)) {
                return i;
            }
            if (dev.footnote.text.Terms.isStopWord(w) || lex.speechVerbs.contains(w) || w.endsWith("ed")) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The sentence rests a claim on the reference: "according to", "per", "in" or "from" before it,
     * or a verb of finding after it ("a recent Forrester study found"); not "requested an
     * investigation by the GAO", where the document is an action, not a source.
     */
    private boolean cited(SentenceTokens t, Reference r) {
        for (int i = r.from() - 1; i >= Math.max(0, r.from() - 3); i--) {
            if (t.type[i] != SentenceTokens.WORD) {
                break;
            }
            if (citing.contains(t.text[i])) {
                return true;
            }
        }
        for (int i = r.to(); i < t.size && i < r.to() + 4; i++) {
            if (t.type[i] == SentenceTokens.WORD && findingVerbs.contains(t.text[i])) {
                return true;
            }
        }
        return false;
    }

    /** Something after the reference that lets a reader find the document. */
    private boolean identified(SentenceTokens t, Reference r) {
        for (int i = r.to(); i < t.size && i < r.to() + 8; i++) {
            String w = t.text[i];
            if (i < r.to() + 4 && (w.equals("\"") || lex.namedDocWords.contains(w))) {
                return true; // a title: "a 2023 Gartner report, “Cloud Chips”", "titled ..."
            }
            if (identifiers.contains(w)) {
                return true; // "issue 12", "vol. 3", "doi"
            }
            if (w.equals("by") && i + 2 < t.size && !t.is(i + 1, "the") && t.cap[i + 1] && t.cap[i + 2]
                    && t.type[i + 1] == SentenceTokens.WORD && t.type[i + 2] == SentenceTokens.WORD) {
                return true; // a named author
            }
            if (lex.months.contains(w) && t.cap[i] && i + 1 < t.size && t.type[i + 1] == SentenceTokens.NUM
                    && Lexicon.yearAt(t, i + 1) < 0) {
                return true; // a publication day: "published on March 3"
            }
        }
        return false;
    }

    private boolean declaredPublisher(SentenceTokens t, Reference r, ClaimContext ctx) {
        for (int i = r.publisherFrom(); i < r.publisherTo(); i++) {
            if (declared.names(t.text[i], ctx)) {
                return true;
            }
        }
        return false;
    }
}
