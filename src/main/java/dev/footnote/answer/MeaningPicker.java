package dev.footnote.answer;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The offline answer by meaning: every sentence of the retrieved passages is scored against the
 * question by the cosine of their embeddings (the sentence read in its article title's context), with
 * a small bonus when it holds the kind of answer asked for ({@link AnswerKind}). This is answer
 * sentence selection as the dense-retrieval readers do it (a bi-encoder over question and sentence,
 * as in Sentence-BERT's QA models), without a cross-encoder, which nothing reachable here publishes.
 * The best sentence answers when it is similar enough; one or two more join it when they score
 * nearly as well and say something else.
 */
final class MeaningPicker {

    /** Bonus for a sentence holding an answer of the asked-for kind; measured on the dev files. */
    static final double KIND_BONUS = 0.05;
    /** Further bonus for a full calendar date when a time is asked for: the day, not only the year. */
    static final double DATE_BONUS = 0.03;
    /** Sentences after the first must score within this of it. */
    static final double MARGIN = 0.1;
    /** Words an unterminated paragraph end needs to count as a sentence. */
    static final int MIN_UNTERMINATED_WORDS = 8;

    private final SentenceMeaning meaning;
    private final double minSimilarity;
    private final int maxSentences;

    MeaningPicker(SentenceMeaning meaning, double minSimilarity, int maxSentences) {
        this.meaning = meaning;
        this.minSimilarity = minSimilarity;
        this.maxSentences = Math.max(1, maxSentences);
    }

    private record Candidate(int n, int rank, int position, String text, Set<String> stems, double similarity,
                             double score) {
    }

    /** The cited answer, or empty when no sentence answers the question. */
    Optional<String> answer(String question, String previous, QuestionNames names, List<NumberedPassage> passages,
                            SentenceSplitter splitter, Terms terms) {
        List<NumberedPassage> usable = new ArrayList<>();
        List<List<String>> sentences = new ArrayList<>();
        List<List<Boolean>> complete = new ArrayList<>();
        for (NumberedPassage p : passages) {
            String text = p.passage().text();
            String titled = p.title() + " " + text;
            // A passage that never names who or what was asked about cannot answer it.
            Set<String> context = new HashSet<>(terms.contentTerms(titled));
            if (!names.namedIn(context) || !names.numbersIn(titled)) {
                continue;
            }
            List<String> ss = new ArrayList<>();
            List<Boolean> ok = new ArrayList<>();
            List<Span> spans = splitter.split(text);
            for (int i = 0; i < spans.size(); i++) {
                String s = spans.get(i).of(text);
                ss.add(s);
                ok.add(ExtractiveAnswerer.endsLikeSentence(s)
                        || i > 0 && ExtractiveAnswerer.endsLikeSentence(ss.get(i - 1)) && endsParagraph(text, spans.get(i), s));
            }
            if (!ss.isEmpty()) {
                usable.add(p);
                sentences.add(ss);
                complete.add(ok);
            }
        }
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        float[] q = meaning.question(question);
        // A follow-up ("What was the overrun attributed to?") leans on the question before it for its
        // topic: a sentence answers when it is close to the follow-up alone or to both read together.
        float[] withPrevious = previous == null || previous.isBlank() ? null : meaning.question(previous + " " + question);
        List<List<float[]>> vectors = meaning.sentences(usable, sentences);
        AnswerKind kind = AnswerKind.of(question);
        boolean money = kind.asksMoney(question);
        List<Candidate> cands = new ArrayList<>();
        for (int r = 0; r < usable.size(); r++) {
            List<String> ss = sentences.get(r);
            List<float[]> vs = vectors.get(r);
            for (int i = 0; i < ss.size(); i++) {
                String s = ss.get(i);
                if (s.strip().length() < 20 || !complete.get(r).get(i) || AnswerText.hasMarkup(s)) {
                    continue;
                }
                double sim = withPrevious == null ? dot(q, vs.get(i)) : Math.max(dot(q, vs.get(i)), dot(withPrevious, vs.get(i)));
                boolean holdsKind = kind.typed() && kind.foundIn(s, question);
                // An amount or a date is what was asked: a sentence with none does not answer, however close.
                if ((kind == AnswerKind.AMOUNT || kind == AnswerKind.TIME) && !holdsKind
                        || money && !AnswerKind.holdsMoney(s)) {
                    continue;
                }
                double score = sim + (holdsKind ? KIND_BONUS : 0)
                        + (kind == AnswerKind.TIME && AnswerKind.holdsFullDate(s) ? DATE_BONUS : 0);
                cands.add(new Candidate(usable.get(r).n(), r, i, s, new HashSet<>(terms.contentTerms(s)), sim, score));
            }
        }
        cands.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (cands.isEmpty() || cands.get(0).similarity() < minSimilarity) {
            return Optional.empty();
        }
        Candidate best = cands.get(0);
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : cands) {
            if (chosen.size() >= maxSentences || c.score() < best.score() - MARGIN) {
                break;
            }
            if (c.similarity() >= minSimilarity && chosen.stream().noneMatch(x -> ExtractiveAnswerer.similar(x.stems(), c.stems()))) {
                chosen.add(c);
            }
        }
        // Sentences of one passage in reading order, passages by rank, so the answer reads on.
        chosen.sort(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::position));
        StringBuilder b = new StringBuilder();
        for (Candidate c : chosen) {
            b.append(b.length() > 0 ? " " : "");
            // "He was elected minority leader" answers "who" only with the title that names him.
            if (AnswerText.opensWithPronoun(c.text())) {
                b.append("In \u201c").append(usable.get(c.rank()).title().strip()).append("\u201d: ");
            }
            b.append(AnswerText.cite(c.text(), c.n()));
        }
        return Optional.of(b.toString());
    }

    /**
     * Whether an unterminated sentence is the last one of a paragraph of prose: writers leave out the
     * final stop there ("…; Inter share their San Siro ground with AC Milan" and then a blank line).
     * It counts as a sentence when the one before it in its passage ended properly and it is long
     * enough to be one; a heading, a caption or a list item is short or stands alone.
     */
    static boolean endsParagraph(String text, Span span, String sentence) {
        int i = span.end();
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        boolean atBreak = i >= text.length() || text.charAt(i) == '\n' && (i + 1 >= text.length() || text.charAt(i + 1) == '\n');
        return atBreak && sentence.strip().split("\\s+").length >= MIN_UNTERMINATED_WORDS;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
