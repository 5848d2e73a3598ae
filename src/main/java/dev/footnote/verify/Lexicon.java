package dev.footnote.verify;

import dev.footnote.text.Terms;
import java.util.HashSet;
import java.util.Set;

/**
 * The word lists of {@code verify/cues.txt} that the claim rules share, and the small word tests
 * built on them (is this capitalised word a name, is this group quantified). Immutable, so one
 * instance serves every thread.
 */
final class Lexicon {

    static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "s");
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "this", "that", "its", "their", "his", "her");
    private static final Set<String> QUANTIFIERS = Set.of("some", "many", "several", "most", "certain", "other", "various");

    final Cues cues;
    final Set<String> speechVerbs;
    /** Verbs of opinion ("believed", "thinks"): attributed only to the subject right before them. */
    final Set<String> opinionVerbs;
    final Set<String> vagueSubjects;
    final Set<String> namedRoles;
    final Set<String> pronouns;
    final Set<String> reportNouns;
    final Set<String> figureUnits;
    final Set<String> currencyWords;
    final Set<String> percentWords;
    final Set<String> figureSources;
    final Set<String> namedDocWords;
    final Set<String> months;
    final Set<String> openers;
    /** First words of the cue patterns: a capitalised sentence opener among them is not a name. */
    final Set<String> cueFirstWords;

    Lexicon(Cues cues) {
        this.cues = cues;
        this.speechVerbs = cues.list("speech_verbs");
        this.opinionVerbs = cues.list("opinion_verbs");
        this.vagueSubjects = cues.list("vague_subjects");
        this.namedRoles = cues.list("named_roles");
        this.pronouns = cues.list("pronouns");
        this.reportNouns = cues.list("report_nouns");
        this.figureUnits = cues.list("figure_units");
        this.currencyWords = cues.list("currency_words");
        this.percentWords = cues.list("percent_words");
        this.figureSources = cues.list("figure_sources");
        this.namedDocWords = cues.list("named_doc_words");
        this.months = cues.list("months");
        this.openers = cues.list("openers");
        Set<String> firsts = new HashSet<>();
        for (CueGroup g : cues.groups.values()) {
            for (Cue c : g.cues) {
                if (c.alts[0] != null) {
                    firsts.addAll(c.alts[0]);
                }
            }
        }
        this.cueFirstWords = Set.copyOf(firsts);
    }

    /** A list of the cue file by name, for rules that keep their own words there. */
    Set<String> list(String name) {
        return cues.list(name);
    }

    /** A capitalised word that is a proper name rather than a capitalised sentence opener. */
    boolean isName(SentenceTokens t, int j, int first) {
        if (t.type[j] != SentenceTokens.WORD || !t.cap[j]) {
            return false;
        }
        String w = t.text[j];
        if (months.contains(w) || vagueSubjects.contains(w)) {
            return false;
        }
        if (j != first) {
            return true;
        }
        // The first word of a sentence is capitalised anyway: accept it as a name only when it is
        // not a common opener (a stop word, a cue word, a speech verb, an adverb).
        return w.length() > 1 && !Terms.isStopWord(w) && !cueFirstWords.contains(w)
                && !speechVerbs.contains(w) && !DETERMINERS.contains(w) && !openers.contains(w) && !w.endsWith("ly");
    }

    /** "some historians", "many other critics": a quantifier right before the word at j. */
    static boolean precededByQuantifier(SentenceTokens t, int j) {
        for (int i = j - 1; i >= Math.max(0, j - 2); i--) {
            if (QUANTIFIERS.contains(t.text[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAny(SentenceTokens t, Set<String> words) {
        for (int i = 0; i < t.size; i++) {
            if (words.contains(t.text[i])) {
                return true;
            }
        }
        return false;
    }

    /** A four-digit year 1800–2100 at token k ("2015 people" is a count, "$2015" an amount), or -1. */
    static int yearAt(SentenceTokens t, int k) {
        if (k < 0 || k >= t.size || t.type[k] != SentenceTokens.NUM) {
            return -1;
        }
        String s = t.text[k];
        if (s.length() != 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            y = y * 10 + (c - '0');
        }
        if (y < 1800 || y > 2100) {
            return -1;
        }
        if (k > 0 && t.text[k - 1].equals("$")) {
            return -1;
        }
        return y;
    }

    /** "by 2050", "projected to 2030", "will ... 2030": the year at k is a target, not an event. */
    static boolean forecastBefore(SentenceTokens t, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            String w = t.text[j];
            if (w.equals("by") || w.equals("until") || w.equals("through") || w.startsWith("project") || w.startsWith("forecast")
                    || w.startsWith("predict") || w.startsWith("expect") || w.equals("will") || w.equals("to")) {
                return true;
            }
        }
        return false;
    }
}
