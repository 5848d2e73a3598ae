package dev.footnote.verify;

import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes two sentences "the same claim" for corroboration: the figures they state ("10
 * million", "$1.5 billion"), the names they use (capitalised words past the first) and their
 * content words (stems). One left-to-right scan of the sentence, linear in its length.
 *
 * @param figures  numbers as written, with a following "million"/"billion"/"percent"/"%"
 * @param names    capitalised words (the first too, unless a usual opener), lower-cased
 * @param terms    stemmed content words, stop words dropped
 */
record ClaimKey(List<String> figures, Set<String> names, Set<String> terms) {

    /** Capitalised only because they open the sentence. */
    private static final Set<String> OPENERS = Set.of("however", "meanwhile", "according", "although", "despite", "since",
            "still", "yet", "also", "today", "yesterday", "last", "next", "some", "many", "most", "several", "experts", "analysts");
    private static final Set<String> SCALES = Set.of("million", "billion", "trillion", "thousand", "hundred", "percent", "per");

    static ClaimKey of(String sentence, Terms stems) {
        String s = sentence == null ? "" : sentence;
        List<String> figures = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int n = s.length();
        int i = 0;
        boolean first = true;
        while (i < n) {
            char ch = s.charAt(i);
            if (Character.isDigit(ch)) {
                int start = i;
                // Digits with inner "." or "," ("1.5", "3,800"), then a scale word or "%".
                while (i < n && (Character.isDigit(s.charAt(i))
                        || (s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    i++;
                }
                String number = s.substring(start, i).replace(",", "");
                if (i < n && s.charAt(i) == '%') {
                    number += " percent";
                    i++;
                } else {
                    int j = i;
                    while (j < n && s.charAt(j) == ' ') {
                        j++;
                    }
                    int k = j;
                    while (k < n && Character.isLetter(s.charAt(k))) {
                        k++;
                    }
                    String word = s.substring(j, k).toLowerCase(Locale.ROOT);
                    if (SCALES.contains(word) && !word.equals("per")) {
                        number += " " + word;
                        i = k;
                    }
                }
                figures.add(number);
                first = false;
            } else if (Character.isLetter(ch)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '\'' && i + 1 < n && Character.isLetter(s.charAt(i + 1)))) {
                    i++;
                }
                String word = s.substring(start, i);
                String folded = Terms.fold(word);
                // The first word counts too ("Firefox has grown ..."): a stop word or an opener ("However") rarely is one.
                if (Character.isUpperCase(ch) && word.length() > 1 && !Terms.isStopWord(folded) && !(first && OPENERS.contains(folded))) {
                    names.add(folded);
                }
                first = false;
            } else {
                i++;
            }
        }
        return new ClaimKey(List.copyOf(new LinkedHashSet<>(figures)), Set.copyOf(names), Set.copyOf(stems.contentTerms(s)));
    }

    /** Whether there is enough here to look for the claim elsewhere: a figure or a name. */
    boolean searchable() {
        return !figures.isEmpty() || !names.isEmpty();
    }

    /**
     * Whether {@code other} states the same claim: every figure of this one, at least half its names
     * (one at least, and two when it states no figure), and at least half its content words, three at
     * least. Lexical agreement, not entailment: a sentence that reports the same figure about the same
     * names in similar words. One shared name with a few common words is not enough: on the Wikinews
     * articles that matched "Many American veterans attended" with "participated in a South American
     * trade bloc", and "Security experts roundly criticized the program" with "Security Council".
     */
    boolean sameClaim(ClaimKey other) {
        for (String f : figures) {
            if (!other.figures.contains(f)) {
                return false;
            }
        }
        if (!names.isEmpty()) {
            int common = 0;
            for (String nm : names) {
                if (other.names.contains(nm)) {
                    common++;
                }
            }
            if (common == 0 || common * 2 < names.size() || figures.isEmpty() && common < 2) {
                return false;
            }
        } else if (figures.isEmpty()) {
            return false;
        }
        if (terms.isEmpty()) {
            return false;
        }
        int shared = 0;
        for (String t : terms) {
            if (other.terms.contains(t)) {
                shared++;
            }
        }
        return shared >= 3 && shared * 2 >= terms.size();
    }
}
