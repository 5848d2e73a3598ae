package dev.footnote.verify;

import dev.footnote.text.PorterStemmer;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text the support check compares: the sentence under test and the passages, cut into
 * comparable terms (Porter stems, numbers by value, reporting verbs as one term, number words as
 * their values) with what the checks need to know about each.
 */
final class SupportText {

    /** Longer sentences are checked on their first this many words, to keep the alignment bounded. */
    static final int MAX_WORDS = 150;
    /** Reporting verbs share this term: "says", "explains", "insists" report the same thing. */
    static final String SAY = "\u0001say";
    /** "3, 800" (as tokenised news text writes thousands) is the number 3,800. */
    private static final Pattern SPLIT_THOUSANDS = Pattern.compile("(?<![\\d.,])(\\d{1,3}), (\\d{3})(?![\\d])");
    /** Words after which a number word is part of a larger number ("five hundred"), not a value of its own. */
    private static final Set<String> MULTIPLIERS = Set.of("hundred", "thousand", "million", "billion", "trillion");

    private SupportText() {
    }

    /** The word lists the terms depend on. */
    record Lexicon(Set<String> sayVerbs, Set<String> negations, Map<String, String> numberWords) {
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

    /** The value of a number word at i, or null ("six" is 6; "five" in "five hundred" is not 5). */
    private static String numberWord(SentenceTokens t, int i, Lexicon lex) {
        if (t.type[i] != SentenceTokens.WORD) {
            return null;
        }
        String v = lex.numberWords().get(t.text[i]);
        if (v == null) {
            return null;
        }
        boolean partOfLarger = i + 1 < t.size && t.type[i + 1] == SentenceTokens.WORD
                && (MULTIPLIERS.contains(t.text[i + 1]) || lex.numberWords().containsKey(t.text[i + 1]))
                || i > 0 && t.type[i - 1] == SentenceTokens.WORD && lex.numberWords().containsKey(t.text[i - 1]);
        return partOfLarger ? null : v;
    }

    /** Whether token i negates its clause: a negation word, or the "t" of "n't" ("didn't" reads "didn", "t"). */
    static boolean negates(SentenceTokens t, int i, Lexicon lex) {
        if (t.type[i] != SentenceTokens.WORD) {
            return false;
        }
        String w = t.text[i];
        if (lex.negations().contains(w)) {
            return true;
        }
        return w.equals("t") && i > 0 && t.type[i - 1] == SentenceTokens.WORD && t.text[i - 1].endsWith("n")
                && t.start[i] - t.end[i - 1] <= 1;
    }

    /** Comparable form of a token: the number's value, one term for all reporting verbs, or the stem. */
    private static String term(SentenceTokens t, int i, PorterStemmer stemmer, Lexicon lex, String numberWord) {
        if (t.type[i] == SentenceTokens.NUM) {
            return normaliseNumber(t.text[i]);
        }
        if (numberWord != null) {
            return numberWord;
        }
        if (lex.sayVerbs().contains(t.text[i])) {
            return SAY;
        }
        return stemmer.stem(t.text[i]);
    }

    /** The sentence under test. */
    static final class Sentence {
        final int n;
        final String[] term;
        final String[] shown;
        final boolean[] isNum;
        final boolean[] isName;
        final boolean[] isStop;
        final boolean[] negation;
        final String[] unitAfter;
        final boolean truncated;

        Sentence(String s, Lexicon lex) {
            SentenceTokens t = SentenceTokens.of(s);
            PorterStemmer stemmer = new PorterStemmer();
            List<Integer> keep = new ArrayList<>(t.size);
            for (int i = 0; i < t.size; i++) {
                if (t.type[i] != SentenceTokens.PUNCT) {
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
            negation = new boolean[n];
            unitAfter = new String[n];
            int first = t.firstWord();
            for (int x = 0; x < n; x++) {
                int i = keep.get(x);
                String word = numberWord(t, i, lex);
                term[x] = term(t, i, stemmer, lex, word);
                isNum[x] = t.type[i] == SentenceTokens.NUM || word != null;
                negation[x] = negates(t, i, lex);
                isStop[x] = !isNum[x] && (Terms.isStopWord(t.text[i]) || t.text[i].length() == 1);
                boolean opensClause = i == first || i > 0 && t.type[i - 1] == SentenceTokens.PUNCT
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
                    } else if (i + 1 < t.size && t.type[i + 1] == SentenceTokens.WORD) {
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

        boolean content(int i) {
            return !isStop[i] && !isNum[i] && !term[i].equals(SAY);
        }

        int contentCount() {
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (content(i)) {
                    c++;
                }
            }
            return c;
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

        /** The first content word the alignment left unmatched that {@code known} holds ({@code inKnown}) or lacks. */
        String firstUnmatchedContent(boolean[] matched, Set<String> known, boolean inKnown) {
            for (int i = 0; i < n; i++) {
                if (!matched[i] && !isStop[i] && known.contains(term[i]) == inKnown) {
                    return shown[i];
                }
            }
            return null;
        }

        int firstNegation() {
            for (int i = 0; i < n; i++) {
                if (negation[i]) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The passages, as one token stream with passage and sentence numbers per token. */
    static final class Passages {
        final int n;
        final int[] passageOf;
        final int[] sentenceOf;
        /** Whether each passage sentence negates somewhere. */
        final boolean[] sentenceNegated;
        final Map<String, int[]> positions;
        final Set<String> numbers = new HashSet<>();
        final Set<String> terms = new HashSet<>();
        private final List<String> sentenceTexts = new ArrayList<>();
        private final List<List<String>> sentenceNumbers = new ArrayList<>();
        private final List<List<String>> sentenceNumberUnits = new ArrayList<>();
        private final List<List<String>> sentenceNumberShown = new ArrayList<>();
        /** Which sentences hold which terms, so the closest ones are found without reading every sentence. */
        final SentenceIndex index;
        /** The first number in the passages followed by each unit, as it is written there. */
        private final Map<String, String> firstNumberByUnit = new HashMap<>();

        Passages(List<String> passages, SentenceSplitter splitter, Lexicon lex) {
            PorterStemmer stemmer = new PorterStemmer();
            List<String> all = new ArrayList<>();
            List<Integer> pOf = new ArrayList<>();
            List<Integer> sOf = new ArrayList<>();
            List<Boolean> neg = new ArrayList<>();
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
                    SentenceTokens t = SentenceTokens.of(st);
                    List<String> nums = new ArrayList<>();
                    List<String> units = new ArrayList<>();
                    List<String> shownNums = new ArrayList<>();
                    for (int i = 0; i < t.size; i++) {
                        if (t.type[i] == SentenceTokens.PUNCT) {
                            continue;
                        }
                        String word = numberWord(t, i, lex);
                        String term = term(t, i, stemmer, lex, word);
                        all.add(term);
                        pOf.add(p);
                        sOf.add(sid);
                        neg.add(negates(t, i, lex));
                        terms.add(term);
                        if (t.type[i] == SentenceTokens.NUM || word != null) {
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
                            } else if (i + 1 < t.size && t.type[i + 1] == SentenceTokens.WORD) {
                                unit = t.text[i + 1];
                            }
                            units.add(unit);
                            shownNums.add(sh);
                            if (unit != null) {
                                firstNumberByUnit.putIfAbsent(unit, sh);
                            }
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
            sentenceNegated = new boolean[sentenceTexts.size()];
            Map<String, List<Integer>> pos = new HashMap<>();
            for (int i = 0; i < n; i++) {
                passageOf[i] = pOf.get(i);
                sentenceOf[i] = sOf.get(i);
                sentenceNegated[sentenceOf[i]] |= neg.get(i);
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
        }

        int sentenceCount() {
            return sentenceTexts.size();
        }

        String sentenceText(int i) {
            return sentenceTexts.get(i);
        }

        List<String> sentenceTexts() {
            return sentenceTexts;
        }

        /** A number of sentence {@code s} that the checked sentence lacks, preferring one with the same unit. */
        String otherNumber(int s, Sentence q, int at) {
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
        String sameUnitNumber(Sentence q, int at) {
            return q.unitAfter[at] == null ? null : firstNumberByUnit.get(q.unitAfter[at]);
        }

        int bestByOverlap(Sentence q) {
            return index.best(q.term, q.isStop, q.n);
        }
    }
}
