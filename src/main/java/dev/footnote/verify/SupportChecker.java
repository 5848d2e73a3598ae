package dev.footnote.verify;

import dev.footnote.answer.CitationMarkers;
import dev.footnote.embed.Embedder;
import dev.footnote.embed.EmbeddingModel;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.verify.SupportVerdict.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether some text supports a sentence (check 1 of the claim checker), per sentence,
 * against the passage sentences closest to it.
 *
 * <p>Three kinds of evidence are combined, in this order:
 * <ol>
 * <li><b>Added facts</b>, deterministic: every number and name in the sentence must be in the
 * passages (85% where the passage says 87% is unsupported), and the sentence must not negate what
 * the passage sentences it draws on do not. These are unsupported whatever
 * else holds, and never put to a language model.</li>
 * <li><b>Wording</b> ({@link WordAlignment}): a sentence that states or shortens a passage, in order,
 * is supported.</li>
 * <li><b>Meaning</b> ({@link SentenceMeaning}, only with an embedder): a sentence made only of passage
 * words that means what its closest passage sentence says is supported, in other words; a
 * rewording that shares no wording with the passages but comes close in meaning, with few words
 * the passages lack, is <em>unsure</em>: no word-level check can confirm it and nothing
 * contradicts it, so it is not flagged offline and a language model, when configured, decides.</li>
 * </ol>
 * Anything else is unsupported for its wording. Thresholds come from {@code verify/cues.txt}
 * ({@code support.*}, the alignment) and {@code verify/support.txt} (meaning and word lists).
 *
 * <p>Without an embedder (retrieval.mode bm25, or the model failed to load) the meaning step is
 * skipped and the check is the word-level one alone. Thread-safe.
 */
public final class SupportChecker {

    static final int MAX_WORDS = SupportText.MAX_WORDS;

    private final double threshold;
    private final WordAlignment alignment;
    private final SupportSettings settings;
    private final SupportText.Lexicon lexicon;
    private final SentenceMeaning meaning;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** The word-level check alone: no embeddings. */
    public SupportChecker() {
        this(null);
    }

    /**
     * With sentence embeddings for rewordings; {@code embedder} may be null (no embeddings) and is
     * only called when a sentence needs its meaning compared, so passing a lazy supplier keeps the
     * model unloaded until then.
     */
    public SupportChecker(Supplier<Embedder> embedder) {
        this(Cues.settingsOnly(), SupportSettings.defaults(), embedder);
    }

    SupportChecker(Cues cues, SupportSettings settings, Supplier<Embedder> embedder) {
        this.threshold = cues.number("support.threshold", 0.85);
        this.alignment = new WordAlignment(cues);
        this.settings = settings;
        Set<String> say = cues.lists.get("say_verbs");
        this.lexicon = new SupportText.Lexicon(say == null ? Set.of() : say, settings.negations(), settings.numberWords());
        this.meaning = embedder == null ? null : new SentenceMeaning(embedder, settings.cacheSize());
    }

    /**
     * The embedding model the meaning thresholds were measured with ({@code meaning.model} in
     * {@code verify/support.txt}); the embedder given to this checker should run it.
     */
    public static EmbeddingModel meaningModel() {
        EmbeddingModel m = EmbeddingModel.byKey(SupportSettings.defaults().model());
        return m != null ? m : EmbeddingModel.ALL_MINILM_L6_V2;
    }

    /** Whether meaning is compared (an embedder was given). */
    public boolean usesEmbeddings() {
        return meaning != null;
    }

    /** Whether {@code passages} support {@code sentence}; citation markers in the sentence are ignored. */
    public SupportVerdict check(String sentence, List<String> passages) {
        Result r = evaluate(sentence, passages);
        return new SupportVerdict(r.status, r.passage, r.reason);
    }

    /** The verdict with what a reader needs to see why: the missing or contradicted words. */
    record Result(Status status, String passage, String reason, double score, String missing, String instead,
                  boolean factMissing) {

        static Result unsupported(String passage, String reason, double score, String missing) {
            return new Result(Status.UNSUPPORTED, passage, reason, score, missing, null, false);
        }

        static Result fact(String passage, String reason, double score, String missing, String instead) {
            return new Result(Status.UNSUPPORTED, passage, reason, score, missing, instead, true);
        }

        boolean supported() {
            return status == Status.SUPPORTED;
        }

        boolean unsure() {
            return status == Status.UNSURE;
        }

        /** True when the only doubt is about wording; a missing or contradicted number, name or negation is not. */
        boolean wordingOnly() {
            return status == Status.UNSUPPORTED && !factMissing;
        }
    }

    /** Passages read once (split, tokenised, stemmed, indexed) so that many sentences can be checked against them. */
    SupportText.Passages prepare(List<String> passages) {
        return new SupportText.Passages(passages == null ? List.of() : passages, splitter, lexicon);
    }

    Result evaluate(String sentence, List<String> passages) {
        return evaluate(sentence, prepare(passages));
    }

    /** As {@link #evaluate(String, List)}, against passages prepared once for a whole answer. */
    Result evaluate(String sentence, SupportText.Passages c) {
        String plain = CitationMarkers.strip(sentence == null ? "" : sentence);
        String s = SupportText.joinThousands(plain);
        SupportText.Sentence q = new SupportText.Sentence(s, lexicon);
        if (q.n == 0) {
            return Result.unsupported(null, "The sentence has no words to check.", 0, null);
        }
        if (c.n == 0) {
            return Result.unsupported(null, "There is no passage text to check it against.", 0, null);
        }
        WordAlignment.Alignment a = alignment.align(q, c);
        String best = a.bestSentence() < 0 ? null : c.sentenceText(a.bestSentence());

        Result fact = addedFact(q, c, a, best);
        if (fact != null) {
            return fact;
        }
        int pct = (int) Math.round(Math.max(0, a.score()) * 100);
        if (a.score() >= threshold) {
            String tail = q.truncated ? " (only its first " + MAX_WORDS + " words were checked)" : "";
            return new Result(Status.SUPPORTED, best, "The passage states this (" + pct + "% of its wording matches in order"
                    + tail + ").", a.score(), null, null, false);
        }
        Result byMeaning = byMeaning(plain, q, c, a);
        if (byMeaning != null) {
            return byMeaning;
        }
        // Name a word the passages never use when there is one; a word they use elsewhere is only
        // out of place, and saying "nothing supports" it would send the reader looking for nothing.
        String fresh = q.firstUnmatchedContent(a.matched(), c.terms, false);
        String elsewhere = fresh != null ? null : q.firstUnmatchedContent(a.matched(), c.terms, true);
        String reason = "The passages do not say this: only about " + pct + "% of the sentence matches them"
                + (fresh != null ? ", and they never use \"" + fresh + "\"."
                : elsewhere != null ? "; they use \"" + elsewhere + "\", but not in what this sentence says." : ".");
        return Result.unsupported(best, reason, a.score(), fresh != null ? fresh : elsewhere);
    }

    /** A number, name or negation the sentence adds to the passages, or null. */
    private static Result addedFact(SupportText.Sentence q, SupportText.Passages c, WordAlignment.Alignment a, String best) {
        // Numbers must be there; a different number in the closest sentence is a contradiction.
        for (int i = 0; i < q.n; i++) {
            if (q.isNum[i] && !c.numbers.contains(q.term[i])) {
                String shown = q.shown[i];
                String instead = a.bestSentence() < 0 ? null : c.otherNumber(a.bestSentence(), q, i);
                if (instead == null) {
                    instead = c.sameUnitNumber(q, i);
                }
                String reason = instead != null
                        ? "The passage says " + instead + ", not " + shown + "."
                        : "The passages do not mention " + shown + ".";
                return Result.fact(best, reason, a.score(), shown, instead);
            }
        }
        // Names must be there.
        for (int i = 0; i < q.n; i++) {
            if (q.isName[i] && !c.terms.contains(q.term[i])) {
                String name = q.nameAround(i);
                return Result.fact(best, "The passages do not mention " + name + ".", a.score(), name, null);
            }
        }
        return negationInserted(q, c, a, best);
    }

    /**
     * A negation the sentence inserts: it negates, and none of the passage sentences its words come
     * from does. (A negation the sentence drops is not checked: in a passage sentence of several
     * clauses the negation mostly belongs to a clause the sentence leaves out, and on the QAGS files
     * the one case a tight version of that check caught was judged supported.)
     */
    private static Result negationInserted(SupportText.Sentence q, SupportText.Passages c, WordAlignment.Alignment a,
                                          String best) {
        Set<Integer> used = new LinkedHashSet<>();
        for (int p : a.at()) {
            if (p >= 0) {
                used.add(c.sentenceOf[p]);
            }
        }
        if (a.bestSentence() >= 0) {
            used.add(a.bestSentence());
        }
        int neg = q.firstNegation();
        if (neg >= 0) {
            for (int sent : used) {
                if (hasNegation(c, sent)) {
                    return null;
                }
            }
            if (used.isEmpty()) {
                return null; // nothing aligned: no sentence to compare with
            }
            return Result.fact(best, "The passage says this without \"" + q.shown[neg] + "\".", a.score(),
                    q.shown[neg], null);
        }
        return null;
    }

    private static boolean hasNegation(SupportText.Passages c, int sentence) {
        return c.sentenceNegated[sentence];
    }

    /** Supported in other words, or unsure, by the closest passage sentence in meaning; null when neither. */
    private Result byMeaning(String plain, SupportText.Sentence q, SupportText.Passages c, WordAlignment.Alignment a) {
        if (meaning == null) {
            return null;
        }
        SentenceMeaning.Closest near = meaning.closest(plain.strip(), c.sentenceTexts());
        if (near == null || near.sentence() < 0) {
            return null;
        }
        String passage = c.sentenceText(near.sentence());
        // The closest sentence must agree on negation: "was not" restated as "was" is no paraphrase.
        if ((q.firstNegation() >= 0) != hasNegation(c, near.sentence())) {
            return null;
        }
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < q.n; i++) {
            if (q.content(i) && !c.terms.contains(q.term[i]) && !fresh.contains(q.shown[i])) {
                fresh.add(q.shown[i]);
            }
        }
        int content = Math.max(1, q.contentCount());
        int sim = (int) Math.round(near.cosine() * 100);
        if (fresh.isEmpty() && near.cosine() >= settings.supportedCosine()) {
            return new Result(Status.SUPPORTED, passage, "The passage says this in other words (meaning " + sim
                    + "% alike, and every word of it is in the passages).", a.score(), null, null, false);
        }
        if (a.score() < settings.rewordedBelow() && near.cosine() >= settings.unsureCosine()
                && fresh.size() <= settings.maxNewShare() * content) {
            String words = fresh.isEmpty() ? "" : ", and the passages do not use \"" + String.join("\", \"", fresh) + "\"";
            return new Result(Status.UNSURE, passage, "Unsure: the closest passage sentence is near in meaning (" + sim
                    + "% alike) but not in wording" + words + ".", a.score(), fresh.isEmpty() ? null : fresh.get(0), null, false);
        }
        return null;
    }
}
