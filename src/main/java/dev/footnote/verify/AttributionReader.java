package dev.footnote.verify;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds who a sentence says its claim comes from. A link, a footnote, an author–year citation, a
 * named speaker with a speech verb ("the ministry said", "said Smith", "according to Reuters"), a
 * named person's opinion ("Grant believed"), a named document ("the World Happiness Report", "a
 * report by the IMF") or one of the article's declared sources make it {@link Attribution#NAMED}.
 *
 * <p>The regular expressions have no nested or overlapping quantifiers and run only when a cheap
 * character test says they can match; the scans are linear in the sentence's tokens.
 */
final class AttributionReader {

    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\d{1,3}\\]|\\[\\^\\w++\\]");
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "\\(\\s*+(?:see\\s++)?\\p{Lu}[\\p{L}'’-]++(?:\\s++(?:et al\\.?|and|&)\\s*+(?:\\p{Lu}[\\p{L}'’-]++)?)?,?\\s++(?:1[5-9]|20)\\d\\d[a-z]?\\s*+(?:[,:;][^)]{0,30})?\\)");

    /** Negations and short adverbs that may stand between "is" (or "has") and a verb: "is not said", "has long felt". */
    private static final Set<String> BETWEEN_VERB_PARTS = Set.of("not", "t", "never", "also", "still", "often", "once", "now", "then",
            "always", "sometimes", "long", "even", "much", "well");
    private static final Set<String> BE_NEGATED = Set.of("isn", "wasn", "aren", "weren");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "will", "would", "may", "might", "could",
            "should", "does", "did", "do", "can", "must");

    private final Lexicon lex;
    private final DeclaredSources declared;
    private final Set<String> judgementVerbs;

    AttributionReader(Lexicon lex, DeclaredSources declared) {
        this.lex = lex;
        this.declared = declared;
        this.judgementVerbs = lex.list("judgement_verbs");
    }

    /** A link in the sentence: a URL, "www.", a Markdown link or a bare host with a path. */
    static boolean hasLink(String body) {
        return (body.indexOf('/') >= 0 || body.indexOf("www.") >= 0) && WebAddress.in(body);
    }

    Attribution read(SentenceTokens t, String body, ClaimContext ctx) {
        // Cheap character checks first: the regular expressions are the costliest part of a sentence.
        if (hasLink(body)
                || body.indexOf('[') >= 0 && FOOTNOTE.matcher(body).find()
                || body.indexOf('(') >= 0 && AUTHOR_YEAR.matcher(body).find()) {
            return Attribution.NAMED;
        }
        boolean speaker = false;
        int first = t.firstWord();
        for (int k = 0; k < t.size; k++) {
            String w = t.text[k];
            if (w.equals("according") && t.is(k + 1, "to")) {
                speaker = true;
                if (namedAfter(t, k + 2, first)) {
                    return Attribution.NAMED;
                }
                continue;
            }
            if (lex.opinionVerbs.contains(w) && t.type[k] == SentenceTokens.WORD && !t.cap[k] && !passive(t, k)
                    && namedSubject(t, k, first)) {
                return Attribution.NAMED; // "Grant believed", "she thinks": a named person's view
            }
            if (lex.speechVerbs.contains(w) && t.type[k] == SentenceTokens.WORD && (!t.cap[k] || k == first)) {
                if (passive(t, k)) {
                    continue; // "it is said", "was often reported", "is not considered": impersonal
                }
                speaker = true;
                if (namedBefore(t, k, first)) {
                    return Attribution.NAMED;
                }
                // Inverted order after a quote or a comma: "..., said Smith".
                boolean inverted = k > 0 && t.type[k - 1] == SentenceTokens.PUNCT;
                if (inverted && namedAfter(t, k + 1, first)) {
                    return Attribution.NAMED;
                }
                // A subject and its apposition: "Sears CEO Alan Lacy, speaking about the deal, promised".
                if (t.is(k - 1, ",") && namedBeforeApposition(t, k - 1, first)) {
                    return Attribution.NAMED;
                }
            }
            // A named actor's quoted judgement: "The Japan Times criticized the aid as a "complete waste"".
            if (judgementVerbs.contains(w) && t.type[k] == SentenceTokens.WORD && !passive(t, k) && namedSubject(t, k, first)
                    && judgedAs(t, k) && quoted(t)) {
                return Attribution.NAMED;
            }
            // A judgement whose author is named: "criticized by Foreign Minister Nobutaka Machimura".
            if (judgementVerbs.contains(w) && t.type[k] == SentenceTokens.WORD && passive(t, k) && t.is(k + 1, "by")
                    && namedAfter(t, k + 2, first) && !groupName(t, t.is(k + 2, "the") ? k + 3 : k + 2)) {
                return Attribution.NAMED;
            }
            if (lex.reportNouns.contains(w) && documentNamedAt(t, k, first)) {
                return Attribution.NAMED;
            }
        }
        if (!ctx.declaredSources().isEmpty() && declared.mentioned(t, ctx)) {
            return Attribution.NAMED;
        }
        return speaker ? Attribution.SPEAKER : Attribution.NONE;
    }

    /** An opening and a closing quotation mark (`` and '' count once each). */
    private static boolean quoted(SentenceTokens t) {
        int quotes = 0;
        for (int i = 0; i < t.size; i++) {
            if (t.text[i].equals("\"") && !(i > 0 && t.text[i - 1].equals("\""))) {
                quotes++;
            }
        }
        return quotes >= 2;
    }

    /** The judgement at k says what of: "criticized the aid as ...", "praised her for ..." within six words. */
    private static boolean judgedAs(SentenceTokens t, int k) {
        for (int j = k + 1; j < t.size && j <= k + 6; j++) {
            if (t.is(j, "as") || t.is(j, "for")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A single capitalised word for a group of people ("by Christians", "by Republicans"), not the
     * name of one speaker or body ("by Reuters", "by Foreign Minister Machimura").
     */
    private static boolean groupName(SentenceTokens t, int j) {
        if (j >= t.size || t.type[j] != SentenceTokens.WORD || j + 1 < t.size && t.type[j + 1] == SentenceTokens.WORD && t.cap[j + 1]) {
            return false;
        }
        String w = t.text[j];
        return w.endsWith("ans") || w.endsWith("ists") || w.endsWith("ites") || w.endsWith("ics");
    }

    /** A word that may stand between a verb's parts: one of those above, or an adverb in "-ly". */
    private static boolean betweenVerbParts(String w) {
        return BETWEEN_VERB_PARTS.contains(w) || w.endsWith("ly") && w.length() > 3;
    }

    /** The verb at k is a passive participle: a form of "be", then at most two adverbs or a negation. */
    static boolean passive(SentenceTokens t, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 3); j--) {
            if (t.type[j] != SentenceTokens.WORD) {
                return false;
            }
            String w = t.text[j];
            if (Lexicon.BE.contains(w) || BE_NEGATED.contains(w)) {
                return true;
            }
            if (!betweenVerbParts(w)) {
                return false;
            }
        }
        return false;
    }

    /** The subject before a speech verb at k is a name, a named role or a personal pronoun. */
    private boolean namedBefore(SentenceTokens t, int k, int first) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (t.type[j] == SentenceTokens.PUNCT) {
                String p = t.text[j];
                if (p.equals("\"") || p.equals("'")) {
                    continue;
                }
                return false;
            }
            String w = t.text[j];
            if (lex.vagueSubjects.contains(w)) {
                return false;
            }
            if (lex.namedRoles.contains(w) || lex.pronouns.contains(w) || lex.isName(t, j, first)) {
                return !Lexicon.precededByQuantifier(t, j);
            }
            if (Lexicon.DETERMINERS.contains(w)) {
                return false; // "the final say": a noun, not a speech verb
            }
        }
        return false;
    }

    /**
     * The comma at c closes an apposition that opened with a comma at most ten tokens before, and
     * the subject before that one is named: "Dana Whitlock, a principal analyst at Brannock, wrote".
     */
    private boolean namedBeforeApposition(SentenceTokens t, int c, int first) {
        for (int j = c - 2; j >= Math.max(1, c - 10); j--) {
            if (t.type[j] == SentenceTokens.PUNCT) {
                return t.text[j].equals(",") && appositionStart(t, j + 1) && namedBefore(t, j, first);
            }
        }
        return false;
    }

    /** An apposition describes the subject ("a principal analyst at ...", "speaking about the deal"), it is not a phrase of place or time. */
    private boolean appositionStart(SentenceTokens t, int j) {
        if (j >= t.size || t.type[j] != SentenceTokens.WORD) {
            return false;
        }
        String w = t.text[j];
        return w.equals("a") || w.equals("an") || w.equals("the") || w.equals("his") || w.equals("her") || w.equals("its")
                || w.endsWith("ing") && w.length() > 4 || lex.namedRoles.contains(w);
    }

    /**
     * The subject right before the verb at k, past adverbs and auxiliaries, is a name, a named role
     * or a personal pronoun, with no quantifier before it: "Grant believed", "the minister thinks",
     * "she has long felt" (not "some historians believe", "the features and felt").
     */
    boolean namedSubject(SentenceTokens t, int k, int first) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (t.type[j] != SentenceTokens.WORD) {
                return false;
            }
            String w = t.text[j];
            if (AUXILIARIES.contains(w) || betweenVerbParts(w)) {
                continue;
            }
            return !lex.vagueSubjects.contains(w) && (lex.namedRoles.contains(w) || lex.pronouns.contains(w) || lex.isName(t, j, first))
                    && !Lexicon.precededByQuantifier(t, j);
        }
        return false;
    }

    /** After "according to" or a speech verb: a name, a named role, "the" + role. */
    private boolean namedAfter(SentenceTokens t, int k, int first) {
        int j = k;
        if (t.is(j, "the")) {
            j++;
        }
        if (j >= t.size) {
            return false;
        }
        if (t.type[j] == SentenceTokens.WORD) {
            String w = t.text[j];
            if (lex.vagueSubjects.contains(w) || w.equals("a") || w.equals("an") || w.equals("one")) {
                return false;
            }
            return lex.namedRoles.contains(w) || lex.isName(t, j, first);
        }
        return false;
    }

    /** Is the report noun at k named: "the Global Risks Report", "a report by the IMF", "report titled ...". */
    private boolean documentNamedAt(SentenceTokens t, int k, int first) {
        if (t.cap[k] && k != first) {
            return true;
        }
        for (int j = k + 1; j <= Math.min(t.size - 1, k + 3); j++) {
            String w = t.text[j];
            if (lex.namedDocWords.contains(w) || w.equals("\"")) {
                return true;
            }
            if ((w.equals("by") || w.equals("from")) && j + 1 < t.size) {
                int n = t.is(j + 1, "the") ? j + 2 : j + 1;
                return n < t.size && (lex.isName(t, n, first) && !lex.months.contains(t.text[n]));
            }
        }
        return false;
    }

    /** An unnamed-document cue is not vague when a name, title or quote follows closely. */
    boolean documentNamed(SentenceTokens t, int from, int to) {
        int first = t.firstWord();
        for (int j = from; j < Math.min(t.size, to + 4); j++) {
            if (t.type[j] == SentenceTokens.PUNCT) {
                if (t.text[j].equals("\"") && j >= to) {
                    return true;
                }
                if (j >= to) {
                    break;
                }
                continue;
            }
            String w = t.text[j];
            if (lex.isName(t, j, first) && j != first && !lex.months.contains(w)) {
                return true;
            }
            if (lex.namedDocWords.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
