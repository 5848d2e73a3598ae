package dev.footnote.verify;

import dev.footnote.answer.Answer;
import dev.footnote.answer.CitationMarkers;
import dev.footnote.answer.Flag;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an answer against the passages it cites and returns the flags a reader should see:
 * sentences that cite nothing, citation numbers that do not exist, sentences their cited passages do
 * not support, and claims that rest on passage sentences labelled unsourced at ingest.
 *
 * <p>Thread-safe when its {@link SupportChecker} is (the default one is).
 */
public final class ClaimChecker {

    /** An answer sentence "draws on" a labelled passage sentence sharing this share of its content terms. */
    private static final double DRAW_SHARE = 0.3;
    private static final int DRAW_MIN_TERMS = 2;

    private final SupportChecker support;
    private final SecondOpinion secondOpinion;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public ClaimChecker(SupportChecker support) {
        this(support, null);
    }

    /** With a second opinion (may be null) consulted on sentences doubted for their wording only. */
    public ClaimChecker(SupportChecker support, SecondOpinion secondOpinion) {
        this.support = support == null ? new SupportChecker() : support;
        this.secondOpinion = secondOpinion;
    }

    /**
     * Flags for an answer whose sentences cite passages as {@code [n]}; {@code given} are the
     * passages numbered 1..k that the answerer was shown.
     */
    public List<Flag> check(String answerText, List<CitedPassage> given) {
        List<Flag> flags = new ArrayList<>();
        if (answerText == null || answerText.isBlank()) {
            return flags;
        }
        Map<Integer, CitedPassage> byNumber = new HashMap<>();
        if (given != null) {
            for (CitedPassage p : given) {
                if (p != null) {
                    byNumber.putIfAbsent(p.n(), p);
                }
            }
        }
        int k = byNumber.size();
        List<String> sentences = sentencesOf(answerText);
        Terms terms = new Terms();
        // Each passage is read once per answer, however many sentences cite it: reading it again
        // for every sentence made a long answer against long passages quadratic.
        Map<List<Integer>, SupportText.Passages> prepared = new HashMap<>();
        Map<Integer, PassageTerms> passageTerms = new HashMap<>();
        for (int idx = 0; idx < sentences.size(); idx++) {
            String raw = sentences.get(idx);
            int number = idx + 1;
            String plain = CitationMarkers.strip(raw);
            if (neverFlagged(raw, plain)) {
                continue;
            }
            List<Integer> cited = CitationMarkers.numbers(raw);
            if (cited.isEmpty()) {
                flags.add(new Flag(number, Flag.UNCITED, null, "",
                        "This sentence cites no passage, so nothing shows where it comes from."));
                continue;
            }
            List<CitedPassage> valid = new ArrayList<>();
            for (int n : cited) {
                CitedPassage p = byNumber.get(n);
                if (p == null || p.passage() == null) {
                    flags.add(new Flag(number, Flag.BAD_CITATION, n, "[" + n + "]",
                            "[" + n + "] is not one of the " + k + " passage" + (k == 1 ? "" : "s")
                                    + " given, so it is not a source."));
                } else {
                    valid.add(p);
                }
            }
            if (valid.isEmpty()) {
                continue;
            }
            SupportText.Passages against = prepared.computeIfAbsent(valid.stream().map(CitedPassage::n).toList(), key -> {
                List<String> texts = new ArrayList<>(valid.size());
                for (CitedPassage p : valid) {
                    texts.add(text(p));
                }
                return support.prepare(texts);
            });
            SupportChecker.Result r = support.evaluate(plain, against);
            if (r.unsure()) {
                // The offline check could not tell: only a model that judges it unsupported flags it.
                SecondOpinion.Opinion o = secondOpinion != null ? secondOpinion.judge(plain, valid) : null;
                if (o != null && o.verdict() != SecondOpinion.Verdict.SUPPORTED) {
                    CitedPassage which = closest(valid, r.passage());
                    String reason = "[" + which.n() + "] comes close to this in meaning but not in wording, and a language model judged it "
                            + judged(o);
                    flags.add(new Flag(number, Flag.UNSUPPORTED, which.n(), r.missing() == null ? "" : r.missing(), reason));
                }
            } else if (!r.supported()) {
                CitedPassage which = closest(valid, r.passage());
                String reason = unsupportedReason(which.n(), r);
                SecondOpinion.Opinion o = secondOpinion != null && r.wordingOnly() ? secondOpinion.judge(plain, valid) : null;
                if (o == null || o.verdict() != SecondOpinion.Verdict.SUPPORTED) {
                    if (o != null) {
                        reason += " A language model also judged it " + judged(o);
                    }
                    flags.add(new Flag(number, Flag.UNSUPPORTED, which.n(), r.missing() == null ? "" : r.missing(), reason));
                }
            }
            // Claims the cited passages themselves leave unsourced.
            List<String> answerTerms = terms.contentTerms(plain);
            Set<String> seen = new HashSet<>();
            for (CitedPassage p : valid) {
                for (ClaimLabel label : drawnOn(p, answerTerms, passageTerms.computeIfAbsent(p.n(), n -> new PassageTerms(p, terms)))) {
                    String key = p.n() + "|" + label.kind() + "|" + label.cue();
                    if (seen.add(key)) {
                        flags.add(new Flag(number, label.kind(), p.n(), label.cue(), "[" + p.n() + "] " + lowerFirst(label.reason())));
                    }
                }
            }
        }
        return flags;
    }

    /** "only partly supported: its reason" or "unsupported." as a reason's ending. */
    private static String judged(SecondOpinion.Opinion o) {
        return (o.verdict() == SecondOpinion.Verdict.PARTIAL ? "only partly supported" : "unsupported")
                + (o.reason().isBlank() ? "." : ": " + o.reason());
    }

    /** Sentences of the answer; citation markers that open a sentence belong to the one before. */
    private List<String> sentencesOf(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : splitter.split(text)) {
            String x = s.of(text);
            if (!out.isEmpty()) {
                String lead = leadingMarkers(x);
                if (!lead.isEmpty()) {
                    String prev = out.get(out.size() - 1);
                    if (CitationMarkers.numbers(prev).isEmpty()) {
                        out.set(out.size() - 1, prev + " " + lead.strip());
                        x = x.substring(lead.length()).strip();
                        if (x.isEmpty()) {
                            continue;
                        }
                    }
                }
            }
            out.add(x);
        }
        return out;
    }

    private static String leadingMarkers(String x) {
        int i = 0;
        int lastEnd = 0;
        while (i < x.length()) {
            while (i < x.length() && Character.isWhitespace(x.charAt(i))) {
                i++;
            }
            if (i >= x.length() || x.charAt(i) != '[') {
                break;
            }
            int close = x.indexOf(']', i);
            if (close < 0 || CitationMarkers.numbers(x.substring(i, close + 1)).isEmpty()) {
                break;
            }
            i = close + 1;
            lastEnd = i;
        }
        return x.substring(0, lastEnd);
    }

    /** Headings, empty lines, the refusal sentence and bare markers are never flagged. */
    private static boolean neverFlagged(String raw, String plain) {
        String r = raw.strip();
        if (r.isEmpty() || r.startsWith("#") || plain.isEmpty()) {
            return true;
        }
        boolean words = false;
        for (int i = 0; i < plain.length(); i++) {
            if (Character.isLetterOrDigit(plain.charAt(i))) {
                words = true;
                break;
            }
        }
        if (!words) {
            return true;
        }
        String p = plain.replace('’', '\'');
        if (p.equalsIgnoreCase(Answer.NOT_FOUND) || p.equalsIgnoreCase(Answer.NOT_FOUND.replace(".", ""))) {
            return true;
        }
        // A label line such as "Sources:" or "**Summary**".
        return p.endsWith(":") && p.split("\\s+").length <= 4 || p.startsWith("**") && p.endsWith("**");
    }

    private static String text(CitedPassage p) {
        String t = p.passage().text();
        return t == null ? "" : t;
    }

    private static CitedPassage closest(List<CitedPassage> valid, String bestSentence) {
        if (bestSentence != null) {
            for (CitedPassage p : valid) {
                if (text(p).contains(bestSentence)) {
                    return p;
                }
            }
        }
        return valid.get(0);
    }

    private static String unsupportedReason(int n, SupportChecker.Result r) {
        String cite = "[" + n + "]";
        if (r.instead() != null) {
            return cite + " says " + r.instead() + ", not " + r.missing() + ".";
        }
        String reason = r.reason();
        if (reason.startsWith("The passages do not mention ")) {
            return cite + " does not mention " + reason.substring("The passages do not mention ".length());
        }
        if (reason.startsWith("The passage says ")) {
            return cite + " says " + reason.substring("The passage says ".length());
        }
        if (reason.startsWith("The passages do not say this")) {
            return cite + " does not say this" + reason.substring("The passages do not say this".length())
                    .replace("matches them", "matches it");
        }
        return cite + ": " + reason;
    }

    /** A passage's sentences and its labelled sentences with their content terms, worked out once per answer. */
    private final class PassageTerms {
        final List<int[]> spans = new ArrayList<>();
        final List<List<String>> spanTerms = new ArrayList<>();
        final Map<ClaimLabel, int[]> labelSpans = new HashMap<>();
        final Map<ClaimLabel, List<String>> labelTerms = new HashMap<>();

        PassageTerms(CitedPassage p, Terms terms) {
            if (p.claims().isEmpty()) {
                return;
            }
            String ptext = text(p);
            for (Span s : splitter.split(ptext)) {
                spans.add(new int[] {s.start(), s.end()});
                spanTerms.add(terms.contentTerms(s.of(ptext)));
            }
            for (ClaimLabel label : p.claims()) {
                if (label == null || label.kind() == null) {
                    continue;
                }
                int[] span = labelSpan(label, p.passage(), ptext);
                if (span != null) {
                    labelSpans.put(label, span);
                    labelTerms.put(label, terms.contentTerms(ptext.substring(span[0], span[1])));
                }
            }
        }
    }

    /** Labels of sentences of passage {@code p} that the answer sentence draws on. */
    private List<ClaimLabel> drawnOn(CitedPassage p, List<String> answerTerms, PassageTerms pt) {
        List<ClaimLabel> out = new ArrayList<>();
        if (p.claims().isEmpty() || answerTerms.isEmpty()) {
            return out;
        }
        Set<String> answer = new LinkedHashSet<>(answerTerms);
        // Overlap of the answer with each passage sentence, to find the best one.
        int bestOverlap = 0;
        int[] bestSpan = null;
        for (int i = 0; i < pt.spans.size(); i++) {
            int o = overlap(answer, pt.spanTerms.get(i));
            if (o > bestOverlap) {
                bestOverlap = o;
                bestSpan = pt.spans.get(i);
            }
        }
        for (ClaimLabel label : p.claims()) {
            int[] span = label == null ? null : pt.labelSpans.get(label);
            if (span == null) {
                continue;
            }
            int o = overlap(answer, pt.labelTerms.get(label));
            boolean draws = o >= DRAW_MIN_TERMS && o >= DRAW_SHARE * answer.size();
            boolean best = bestSpan != null && bestOverlap > 0 && o == bestOverlap && overlaps(span, bestSpan);
            if (draws || best) {
                out.add(label);
            }
        }
        return out;
    }

    /** The label's sentence as offsets into the passage text (labels hold article-body offsets). */
    private static int[] labelSpan(ClaimLabel label, Passage passage, String ptext) {
        int s = label.start() - passage.start();
        int e = label.end() - passage.start();
        if (s >= 0 && e <= ptext.length() && s < e) {
            return new int[] {s, e};
        }
        // Offsets relative to the passage, as a fallback.
        if (label.start() >= 0 && label.end() <= ptext.length() && label.start() < label.end()) {
            return new int[] {label.start(), label.end()};
        }
        return null;
    }

    private static boolean overlaps(int[] a, int[] b) {
        return a[0] < b[1] && b[0] < a[1];
    }

    private static int overlap(Set<String> answer, List<String> sentenceTerms) {
        int o = 0;
        Set<String> seen = new HashSet<>();
        for (String t : sentenceTerms) {
            if (answer.contains(t) && seen.add(t)) {
                o++;
            }
        }
        return o;
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "rests on an unsourced claim.";
        }
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an acronym
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
