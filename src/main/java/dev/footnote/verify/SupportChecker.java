package dev.footnote.verify;

import dev.footnote.answer.CitationMarkers;
import dev.footnote.text.PorterStemmer;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether some text supports a sentence (check 1 of the claim checker), deterministically
 * and without a model.
 *
 * <p>The sentence is aligned to the passages word by word, in order, as a compression of them: each
 * of its words (Porter-stemmed) is either matched to a later passage word or left unmatched.
 * Unmatched words cost their weight (content words 1, function words less); skipping passage words
 * between two matches costs a little, growing with the length of the skip; jumping elsewhere (back,
 * far ahead or into another passage) costs more. The best alignment's score over the sentence's
 * total weight is its support. A sentence that a passage states, or shortens, scores near 1; one that
 * splices words from unrelated places ("Arsenal's Sturridge" from "Liverpool's Sturridge" and an
 * Arsenal sentence) or adds words scores lower. On top of the score, every number in the sentence
 * must appear in the passages (85% where the passage says 87% is unsupported) and so must every name
 * (a capitalised word that does not open the sentence).
 *
 * <p>Thresholds come from {@code verify/cues.txt} ({@code support.*}). Thread-safe.
 */
public final class SupportChecker {

    private final double threshold;
    private final double stopWeight;
    private final double gapOpen;
    private final double gapExtend;
    private final int window;
    private final double restart;
    private final double switchCost;
    private final int maxSkip;
    private final SentenceSplitter splitter = new SentenceSplitter();
    /** Longer sentences are checked on their first this many words, to keep the alignment bounded. */
    static final int MAX_WORDS = 150;
    /** Above this many passage words, only the sentences sharing most words with the checked one are aligned. */
    private static final int FOCUS_TOKENS = 4000;
    private static final int FOCUS_SENTENCES = 40;
    /** Reporting verbs compared as one word: "says", "explains", "insists" report the same thing. */
    private final Set<String> sayVerbs;
    /** "3, 800" (as tokenised news text writes thousands) is the number 3,800. */
    private static final Pattern SPLIT_THOUSANDS = Pattern.compile("(?<![\\d.,])(\\d{1,3}), (\\d{3})(?![\\d])");

    public SupportChecker() {
        this(Cues.settingsOnly());
    }

    SupportChecker(Cues cues) {
        this.threshold = cues.number("support.threshold", 0.85);
        this.stopWeight = cues.number("support.stop_weight", 0.4);
        this.gapOpen = cues.number("support.gap_open", 0.3);
        this.gapExtend = cues.number("support.gap_extend", 0.3);
        this.window = (int) cues.number("support.window", 30);
        this.restart = cues.number("support.restart", 3.0);
        this.switchCost = cues.number("support.switch", 0.5);
        this.maxSkip = (int) cues.number("support.max_skip", 3);
        Set<String> say = cues.lists.get("say_verbs");
        this.sayVerbs = say == null ? Set.of() : say;
    }

    /** Whether {@code passages} support {@code sentence}; citation markers in the sentence are ignored. */
    public SupportVerdict check(String sentence, List<String> passages) {
        Result r = evaluate(sentence, passages);
        return new SupportVerdict(r.supported, r.passage, r.reason);
    }

    /** The verdict with what a reader needs to see why: the missing or contradicted words. */
    record Result(boolean supported, String passage, String reason, double score, String missing, String instead,
                  boolean factMissing) {

        Result(boolean supported, String passage, String reason, double score, String missing, String instead) {
            this(supported, passage, reason, score, missing, instead, false);
        }

        /** True when the only doubt is about wording; a missing or contradicted number or name is not. */
        boolean wordingOnly() {
            return !supported && !factMissing;
        }
    }

    /** Passages read once (split, tokenised, stemmed) so that many sentences can be checked against them. */
    static final class Prepared {
        private final Corpus corpus;

        private Prepared(Corpus corpus) {
            this.corpus = corpus;
        }
    }

    Prepared prepare(List<String> passages) {
        return new Prepared(new Corpus(passages == null ? List.of() : passages, splitter, sayVerbs));
    }

    Result evaluate(String sentence, List<String> passages) {
        return evaluate(sentence, prepare(passages));
    }

    /** As {@link #evaluate(String, List)}, against passages prepared once for a whole answer. */
    Result evaluate(String sentence, Prepared passages) {
        String s = joinThousands(CitationMarkers.strip(sentence == null ? "" : sentence));
        Sent q = new Sent(s, sayVerbs);
        if (q.n == 0) {
            return new Result(false, null, "The sentence has no words to check.", 0, null, null);
        }
        Corpus c = passages.corpus;
        if (c.n == 0) {
            return new Result(false, null, "There is no passage text to check it against.", 0, null, null);
        }
        Alignment a = align(q, c);
        String best = a.bestSentence < 0 ? null : c.sentenceText(a.bestSentence);

        // Numbers must be there; a different number in the closest sentence is a contradiction.
        for (int i = 0; i < q.n; i++) {
            if (q.isNum[i] && !c.numbers.contains(q.term[i])) {
                String shown = q.shown[i];
                String instead = a.bestSentence < 0 ? null : c.otherNumber(a.bestSentence, q, i);
                if (instead == null) {
                    instead = c.sameUnitNumber(q, i);
                }
                String reason = instead != null
                        ? "The passage says " + instead + ", not " + shown + "."
                        : "The passages do not mention " + shown + ".";
                return new Result(false, best, reason, a.score, shown, instead, true);
            }
        }
        // Names must be there.
        for (int i = 0; i < q.n; i++) {
            if (q.isName[i] && !c.terms.contains(q.term[i])) {
                String name = q.nameAround(i);
                return new Result(false, best, "The passages do not mention " + name + ".", a.score, name, null, true);
            }
        }
        int pct = (int) Math.round(Math.max(0, a.score) * 100);
        String tail = q.truncated ? " (only its first " + MAX_WORDS + " words were checked)" : "";
        if (a.score >= threshold) {
            return new Result(true, best, "The passage states this (" + pct + "% of its wording matches in order" + tail + ").",
                    a.score, null, null);
        }
        String missing = q.firstUnmatchedContent(a.matched);
        String reason = "The passages do not say this: only about " + pct + "% of the sentence matches them"
                + (missing != null ? ", and nothing there supports \"" + missing + "\"." : ".");
        return new Result(false, best, reason, a.score, missing, null);
    }

    // --- the alignment -----------------------------------------------------------------------------

    private record Alignment(double score, boolean[] matched, int bestSentence) {
    }

    private Alignment align(Sent q, Corpus c) {
        int n = q.n;
        // Candidate passage positions for each sentence word.
        int[][] cand = new int[n][];
        int[] focus = c.n > FOCUS_TOKENS ? c.focus(q, FOCUS_SENTENCES) : null;
        for (int i = 0; i < n; i++) {
            int[] pos = c.positions.get(q.term[i]);
            cand[i] = pos == null ? new int[0] : focus == null ? pos : c.index.within(pos, focus);
        }
        double[] w = q.weight(stopWeight);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double[] prefixMiss = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefixMiss[i + 1] = prefixMiss[i] + w[i];
        }
        double[][] d = new double[n][];
        int[][] backK = new int[n][];
        int[][] backC = new int[n][];
        double[] bestAt = new double[n];
        int[] bestAtC = new int[n];
        Arrays.fill(bestAt, Double.NEGATIVE_INFINITY);
        // Per word: the best and second-best passage to have ended in, for switching passages.
        int[] bestP = new int[n];
        double[] second = new double[n];
        int[] secondC = new int[n];
        Arrays.fill(second, Double.NEGATIVE_INFINITY);
        Arrays.fill(bestP, -1);
        double bestScore = -total;
        int bestI = -1;
        int bestC = -1;
        for (int i = 0; i < n; i++) {
            int[] ci = cand[i];
            d[i] = new double[ci.length];
            backK[i] = new int[ci.length];
            backC[i] = new int[ci.length];
            for (int x = 0; x < ci.length; x++) {
                int p = ci[x];
                double sc = -prefixMiss[i]; // start here, every earlier word unmatched
                int bk = -1;
                int bc = -1;
                for (int k = i - 1; k >= Math.max(0, i - 1 - maxSkip); k--) {
                    double skip = prefixMiss[i] - prefixMiss[k + 1];
                    if (bestAt[k] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    // Jump back or far ahead in the same passage (splicing), or on into another passage.
                    int pp = c.passageOf[p];
                    double r = bestAt[k] - skip - (bestP[k] == pp ? restart : switchCost);
                    if (r > sc) {
                        sc = r;
                        bk = k;
                        bc = bestAtC[k];
                    }
                    if (bestP[k] == pp && second[k] > Double.NEGATIVE_INFINITY) {
                        double r2 = second[k] - skip - switchCost;
                        if (r2 > sc) {
                            sc = r2;
                            bk = k;
                            bc = secondC[k];
                        }
                    }
                    int[] ck = cand[k];
                    double[] dk = d[k];
                    // Positions are ascending: only those in (p - window - 1, p) matter.
                    int lo = lowerBound(ck, p - window - 1);
                    for (int y = lo; y < ck.length && ck[y] < p; y++) {
                        int prev = ck[y];
                        if (c.passageOf[prev] != c.passageOf[p]) {
                            continue;
                        }
                        int gap = p - prev - 1;
                        double v = dk[y] - skip - (gap == 0 ? 0 : gapOpen + gapExtend * Math.log1p(gap));
                        if (v > sc) {
                            sc = v;
                            bk = k;
                            bc = y;
                        }
                    }
                }
                sc += w[i];
                d[i][x] = sc;
                backK[i][x] = bk;
                backC[i][x] = bc;
                int pp = c.passageOf[p];
                if (sc > bestAt[i]) {
                    if (bestP[i] != pp) {
                        second[i] = bestAt[i];
                        secondC[i] = bestAtC[i];
                    }
                    bestAt[i] = sc;
                    bestAtC[i] = x;
                    bestP[i] = pp;
                } else if (pp != bestP[i] && sc > second[i]) {
                    second[i] = sc;
                    secondC[i] = x;
                }
                double end = sc - (prefixMiss[n] - prefixMiss[i + 1]);
                if (end > bestScore) {
                    bestScore = end;
                    bestI = i;
                    bestC = x;
                }
            }
        }
        boolean[] matched = new boolean[n];
        int[] perSentence = new int[c.sentenceCount()];
        double[] weightPerSentence = new double[c.sentenceCount()];
        int i = bestI;
        int x = bestC;
        while (i >= 0 && x >= 0) {
            matched[i] = true;
            int sent = c.sentenceOf[cand[i][x]];
            perSentence[sent]++;
            weightPerSentence[sent] += w[i];
            int ni = backK[i][x];
            int nx = backC[i][x];
            i = ni;
            x = nx;
        }
        int bestSentence = -1;
        for (int k = 0; k < weightPerSentence.length; k++) {
            if (weightPerSentence[k] > 0 && (bestSentence < 0 || weightPerSentence[k] > weightPerSentence[bestSentence])) {
                bestSentence = k;
            }
        }
        if (bestSentence < 0) {
            bestSentence = c.bestByOverlap(q);
        }
        return new Alignment(total == 0 ? 0 : bestScore / total, matched, bestSentence);
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // --- text preparation --------------------------------------------------------------------------

    /** Comparable form of a token: stemmed word, the number's value, or one term for all reporting verbs. */
    private static String term(Tokens t, int i, PorterStemmer stemmer, Set<String> sayVerbs) {
        if (t.type[i] == Tokens.NUM) {
            return normaliseNumber(t.text[i]);
        }
        if (sayVerbs.contains(t.text[i])) {
            return "\u0001say";
        }
        return stemmer.stem(t.text[i]);
    }

    static String joinThousands(String s) {
        if (s.indexOf(", ") < 0) {
            return s;
        }
        return SPLIT_THOUSANDS.matcher(s).replaceAll("$1,$2");
    }

    static String normaliseNumber(String s) {
        int dot = s.indexOf('.');
        if (dot >= 0) {
            int e = s.length();
            while (e > dot + 1 && s.charAt(e - 1) == '0') {
                e--;
            }
            if (e == dot + 1) {
                e = dot;
            }
            s = s.substring(0, e);
        }
        int b = 0;
        while (b < s.length() - 1 && s.charAt(b) == '0' && s.charAt(b + 1) != '.') {
            b++;
        }
        return s.substring(b);
    }

    private static boolean skippable(Tokens t, int i) {
        return t.type[i] == Tokens.PUNCT;
    }

    /** The sentence under test. */
    private static final class Sent {
        final int n;
        final String[] term;
        final String[] shown;
        final boolean[] isNum;
        final boolean[] isName;
        final boolean[] isStop;
        final String[] unitAfter;
        final boolean truncated;

        Sent(String s, Set<String> sayVerbs) {
            Tokens t = Tokens.of(s);
            PorterStemmer stemmer = new PorterStemmer();
            List<Integer> keep = new ArrayList<>(t.size);
            for (int i = 0; i < t.size; i++) {
                if (!skippable(t, i)) {
                    keep.add(i);
                }
            }
            truncated = keep.size() > MAX_WORDS;
            n = Math.min(keep.size(), MAX_WORDS);
            term = new String[n];
            shown = new String[n];
            isNum = new boolean[n];
            isName = new boolean[n];
            isStop = new boolean[n];
            unitAfter = new String[n];
            int first = t.firstWord();
            boolean afterQuote = false;
            for (int x = 0; x < n; x++) {
                int i = keep.get(x);
                term[x] = term(t, i, stemmer, sayVerbs);
                isNum[x] = t.type[i] == Tokens.NUM;
                isStop[x] = !isNum[x] && (Terms.isStopWord(t.text[i]) || t.text[i].length() == 1);
                boolean opensClause = i == first || i > 0 && t.type[i - 1] == Tokens.PUNCT
                        && (t.text[i - 1].equals("\"") || t.text[i - 1].equals(":"));
                isName[x] = !isNum[x] && t.cap[i] && !opensClause && !isStop[x];
                String sh = t.span(i, i + 1);
                if (isNum[x]) {
                    if (i > 0 && t.text[i - 1].equals("$")) {
                        sh = t.span(i - 1, i + 1);
                    }
                    if (i + 1 < t.size && t.text[i + 1].equals("%")) {
                        sh = sh + "%";
                        unitAfter[x] = "%";
                    } else if (i + 1 < t.size && t.type[i + 1] == Tokens.WORD) {
                        unitAfter[x] = t.text[i + 1];
                    }
                }
                shown[x] = sh;
            }
        }

        double[] weight(double stop) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = isStop[i] ? stop : 1.0;
            }
            return w;
        }

        /** The run of capitalised words around word i ("Mayor Jane Okafor"). */
        String nameAround(int i) {
            int b = i;
            while (b > 0 && isCapitalised(b - 1)) {
                b--;
            }
            int e = i;
            while (e + 1 < n && isCapitalised(e + 1)) {
                e++;
            }
            StringBuilder sb = new StringBuilder();
            for (int k = b; k <= e; k++) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(shown[k]);
            }
            return sb.toString();
        }

        private boolean isCapitalised(int k) {
            return !isNum[k] && !shown[k].isEmpty() && Character.isUpperCase(shown[k].charAt(0)) && !isStop[k];
        }

        String firstUnmatchedContent(boolean[] matched) {
            for (int i = 0; i < n; i++) {
                if (!matched[i] && !isStop[i]) {
                    return shown[i];
                }
            }
            return null;
        }
    }

    /** The passages, as one token stream with passage and sentence numbers per token. */
    private static final class Corpus {
        final int n;
        final int[] passageOf;
        final int[] sentenceOf;
        final Map<String, int[]> positions;
        final SentenceIndex index;
        /** The first number in the passages followed by each unit, as it is written there. */
        private final Map<String, String> firstNumberByUnit;
        final Set<String> numbers = new HashSet<>();
        final Set<String> terms = new HashSet<>();
        private final List<String> sentenceTexts = new ArrayList<>();
        private final List<List<String>> sentenceNumbers = new ArrayList<>();
        private final List<List<String>> sentenceNumberUnits = new ArrayList<>();
        private final List<List<String>> sentenceNumberShown = new ArrayList<>();

        Corpus(List<String> passages, SentenceSplitter splitter, Set<String> sayVerbs) {
            PorterStemmer stemmer = new PorterStemmer();
            List<String> all = new ArrayList<>();
            List<Integer> pOf = new ArrayList<>();
            List<Integer> sOf = new ArrayList<>();
            for (int p = 0; p < passages.size(); p++) {
                String text = passages.get(p);
                if (text == null || text.isBlank()) {
                    continue;
                }
                text = joinThousands(text);
                for (Span span : splitter.split(text)) {
                    String st = span.of(text);
                    int sid = sentenceTexts.size();
                    sentenceTexts.add(st);
                    Tokens t = Tokens.of(st);
                    List<String> nums = new ArrayList<>();
                    List<String> units = new ArrayList<>();
                    List<String> shownNums = new ArrayList<>();
                    for (int i = 0; i < t.size; i++) {
                        if (skippable(t, i)) {
                            continue;
                        }
                        String term = term(t, i, stemmer, sayVerbs);
                        all.add(term);
                        pOf.add(p);
                        sOf.add(sid);
                        terms.add(term);
                        if (t.type[i] == Tokens.NUM) {
                            numbers.add(term);
                            nums.add(term);
                            String sh = t.span(i, i + 1);
                            String unit = null;
                            if (i > 0 && t.text[i - 1].equals("$")) {
                                sh = t.span(i - 1, i + 1);
                            }
                            if (i + 1 < t.size && t.text[i + 1].equals("%")) {
                                sh = sh + "%";
                                unit = "%";
                            } else if (i + 1 < t.size && t.type[i + 1] == Tokens.WORD) {
                                unit = t.text[i + 1];
                            }
                            units.add(unit);
                            shownNums.add(sh);
                        }
                    }
                    sentenceNumbers.add(nums);
                    sentenceNumberUnits.add(units);
                    sentenceNumberShown.add(shownNums);
                }
            }
            n = all.size();
            passageOf = new int[n];
            sentenceOf = new int[n];
            Map<String, List<Integer>> pos = new HashMap<>();
            for (int i = 0; i < n; i++) {
                passageOf[i] = pOf.get(i);
                sentenceOf[i] = sOf.get(i);
                pos.computeIfAbsent(all.get(i), k -> new ArrayList<>(2)).add(i);
            }
            positions = new HashMap<>(pos.size() * 2);
            for (Map.Entry<String, List<Integer>> e : pos.entrySet()) {
                List<Integer> l = e.getValue();
                int[] a = new int[l.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = l.get(i);
                }
                positions.put(e.getKey(), a);
            }
            index = new SentenceIndex(sentenceTexts.size(), sentenceOf, positions);
            Map<String, String> byUnit = new HashMap<>();
            for (int s = 0; s < sentenceNumbers.size(); s++) {
                for (int k = 0; k < sentenceNumberUnits.get(s).size(); k++) {
                    String unit = sentenceNumberUnits.get(s).get(k);
                    if (unit != null) {
                        byUnit.putIfAbsent(unit, sentenceNumberShown.get(s).get(k));
                    }
                }
            }
            firstNumberByUnit = byUnit;
        }

        int sentenceCount() {
            return sentenceTexts.size();
        }

        String sentenceText(int i) {
            return sentenceTexts.get(i);
        }

        /** A number of sentence {@code s} that the checked sentence lacks, preferring one with the same unit. */
        String otherNumber(int s, Sent q, int at) {
            List<String> nums = sentenceNumbers.get(s);
            String fallback = null;
            for (int k = 0; k < nums.size(); k++) {
                String v = nums.get(k);
                boolean inQuery = false;
                for (int i = 0; i < q.n; i++) {
                    if (q.isNum[i] && q.term[i].equals(v)) {
                        inQuery = true;
                        break;
                    }
                }
                if (inQuery) {
                    continue;
                }
                String unit = sentenceNumberUnits.get(s).get(k);
                if (unit != null && unit.equals(q.unitAfter[at])) {
                    return sentenceNumberShown.get(s).get(k);
                }
                if (fallback == null && q.unitAfter[at] == null) {
                    fallback = sentenceNumberShown.get(s).get(k);
                }
            }
            return fallback;
        }

        /** A number anywhere in the passages with the same unit as word {@code at} ("$41 million" for "$50 million"). */
        String sameUnitNumber(Sent q, int at) {
            return q.unitAfter[at] == null ? null : firstNumberByUnit.get(q.unitAfter[at]);
        }

        /** The {@code k} sentences sharing most content words with {@code q}, and their neighbours (ids, ascending). */
        int[] focus(Sent q, int k) {
            int count = sentenceTexts.size();
            // Best sentences with their neighbours, until k sentences or the token budget is used.
            java.util.TreeSet<Integer> keep = new java.util.TreeSet<>();
            int tokens = 0;
            for (int s : index.closest(q.term, q.isStop, q.n, Math.min(k, count))) {
                if (tokens >= FOCUS_TOKENS) {
                    break;
                }
                for (int x = Math.max(0, s - 1); x <= Math.min(count - 1, s + 1) && tokens < FOCUS_TOKENS; x++) {
                    if (keep.add(x)) {
                        tokens += index.size(x);
                    }
                }
            }
            return keep.stream().mapToInt(Integer::intValue).toArray();
        }

        int bestByOverlap(Sent q) {
            return index.best(q.term, q.isStop, q.n);
        }
    }
}
