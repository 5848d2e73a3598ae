package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The cue hits of one sentence, summed by cue group. The cue families together decide whether a
 * sentence is vague (their weights add up to {@code flag.threshold}); the group that weighs most
 * gives the kind.
 *
 * @param groups the cue groups, in file order
 * @param sums   summed weight per group (negative context cues included)
 * @param hits   the positive hits, in sentence order
 * @param texts  the distinct cue texts of {@code hits}, in sentence order
 */
record CueScores(CueGroup[] groups, double[] sums, List<Hit> hits, List<String> texts) {

    /** One cue that matched: its group's index, the words as written, its weight and first token. */
    record Hit(int group, String text, double weight, int from) {
    }

    static CueScores of(Lexicon lex, CueGroup[] groups, SentenceTokens t, AttributionReader attribution) {
        double[] sums = new double[groups.length];
        List<Hit> hits = new ArrayList<>(4);
        int leadIn = leadIn(t);
        lex.cues.match(t, (cue, from, to) -> {
            if (cue.group.name.equals("document") && attribution.documentNamed(t, from, to)) {
                return;
            }
            if (cue.group.name.equals("quantifier") && from < leadIn) {
                return; // "Some major characteristics of the browser are: ...": it picks from the list that follows
            }
            int gi = indexOf(groups, cue.group);
            sums[gi] += cue.weight;
            if (cue.weight > 0) {
                hits.add(new Hit(gi, cueText(lex, t, from, to), cue.weight, from));
            }
        });
        hits.sort((a, b) -> Integer.compare(a.from(), b.from()));
        List<String> texts = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (!texts.contains(h.text())) {
                texts.add(h.text());
            }
        }
        return new CueScores(groups, sums, List.copyOf(hits), List.copyOf(texts));
    }

    /**
     * The colon of a short lead-in that introduces a list ("Some major characteristics of the
     * browser are: pop-up blocking, tabbed browsing, ..."), or -1. A quantifier before it selects
     * items the sentence goes on to name; it is not an unnamed group.
     */
    private static int leadIn(SentenceTokens t) {
        int colon = -1;
        for (int i = 0; i < t.size && i <= 10; i++) {
            if (t.text[i].equals(":")) {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return -1;
        }
        int commas = 0;
        for (int i = colon + 1; i < t.size; i++) {
            if (t.text[i].equals(",") || t.text[i].equals(";")) {
                commas++;
            }
        }
        return colon == t.size - 1 || commas >= 2 ? colon : -1;
    }

    /** The sum of every group, with the forecast groups left out when the sentence reports a speaker's words. */
    double total(Attribution a) {
        double total = 0;
        for (int gi = 0; gi < sums.length; gi++) {
            total += effective(gi, a);
        }
        return total;
    }

    /** A forecast the sentence attributes to someone (named or not) is theirs, not the article's. */
    double effective(int gi, Attribution a) {
        return groups[gi].name.equals("speculation") && a == Attribution.SPEAKER ? 0 : sums[gi];
    }

    /** The index of the flagging group that weighs most, -1 when none weighs anything. */
    int best(Attribution a) {
        int best = -1;
        for (int gi = 0; gi < sums.length; gi++) {
            double s = effective(gi, a);
            if (!"none".equals(groups[gi].kind) && s > 0 && (best < 0 || s > effective(best, a))) {
                best = gi;
            }
        }
        return best;
    }

    /** The index of the group of {@code kind} that weighs most, -1 when none weighs anything. */
    int bestOf(FlagKind kind, Attribution a) {
        int best = -1;
        for (int gi = 0; gi < sums.length; gi++) {
            double s = effective(gi, a);
            if (kind.wire().equals(groups[gi].kind) && s > 0 && (best < 0 || s > effective(best, a))) {
                best = gi;
            }
        }
        return best;
    }

    /** The summed weight of every group of {@code kind}. */
    double sumOf(FlagKind kind, Attribution a) {
        double s = 0;
        for (int gi = 0; gi < sums.length; gi++) {
            if (kind.wire().equals(groups[gi].kind)) {
                s += effective(gi, a);
            }
        }
        return s;
    }

    /** The heaviest (then longest) cue of group {@code group}. */
    String primaryCue(int group) {
        String best = null;
        double w = -1;
        for (Hit h : hits) {
            if (h.group() == group && (h.weight() > w || h.weight() == w && h.text().length() > best.length())) {
                w = h.weight();
                best = h.text();
            }
        }
        return best == null ? "" : best;
    }

    private static int indexOf(CueGroup[] groups, CueGroup g) {
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == g) {
                return i;
            }
        }
        return 0;
    }

    /** The cue as written, with a sentence-initial capital lowered unless it starts a name. */
    private static String cueText(Lexicon lex, SentenceTokens t, int from, int to) {
        String s = t.span(from, to);
        if (from == t.firstWord() && t.cap[from] && !s.isEmpty() && !lex.isName(t, from, from)
                && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
