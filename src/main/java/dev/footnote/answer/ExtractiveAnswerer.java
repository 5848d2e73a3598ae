package dev.footnote.answer;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline answerer: no model, no key. It answers with the passage sentences that best cover
 * the question's terms (weighted by rarity) and summarises with an article's most central
 * sentences in reading order. Every sentence it writes is a verbatim passage sentence, so its
 * citations are right by construction; the claim checker still looks at what those sentences rest on.
 */
public final class ExtractiveAnswerer implements Answerer {

    /** Tunables; see config/footnote.example.yaml (answer.*). */
    public record Options(int maxSentences, double minScore, int summarySentences) {
        public static Options defaults() {
            return new Options(3, 0.45, 4);
        }
    }

    // Word edges are look-arounds, not \\b: Java's \\b looks back over a whole run of combining marks
    // at every position, which is quadratic on a run of them.
    private static final String START = "(?<![\\p{L}\\p{Nd}_\\p{Mn}])";
    private static final String END = "(?![\\p{L}\\p{Nd}_\\p{Mn}])";
    private static final Pattern YEAR_OR_DATE = Pattern.compile(
            START + "(1[89]\\d\\d|20\\d\\d)" + END + "|" + START + "(January|February|March|April|May|June|July|August|September"
                    + "|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)" + END);
    private static final Pattern NUMBER = Pattern.compile("\\d");
    /** A capitalised word not opening a sentence (only whether there is one matters). */
    private static final Pattern NAME = Pattern.compile("(?<!^)(?<![.!?]\\s)" + START + "\\p{Lu}\\p{Ll}+");

    private static final double CONTEXT_WEIGHT = 0.5;
    private static final double MIN_REACH = 0.6;

    private final TermWeights weights;
    private final Options options;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final MeaningPicker meaning;

    /** Sentences chosen by the question's words alone (no embeddings: {@code retrieval.mode: bm25}). */
    public ExtractiveAnswerer(TermWeights weights, Options options) {
        this(weights, options, null, 0);
    }

    /**
     * Sentences chosen by meaning: {@code sentences} embeds the question and every passage sentence
     * (in its title's context); a sentence below {@code minSimilarity} does not answer.
     */
    public ExtractiveAnswerer(TermWeights weights, Options options, SentenceMeaning sentences, double minSimilarity) {
        this.weights = weights;
        this.options = options;
        this.meaning = sentences == null ? null : new MeaningPicker(sentences, minSimilarity, options.maxSentences());
    }

    @Override
    public String provider() {
        return "offline";
    }

    private record Candidate(int n, int rank, int position, String text, Set<String> stems, double score, double reach) {
    }

    @Override
    public Draft answer(String question, List<NumberedPassage> passages, List<Turn> history) {
        Terms terms = new Terms();
        List<String> q = new ArrayList<>(new LinkedHashSet<>(terms.contentTerms(question)));
        if (q.isEmpty() || passages.isEmpty()) {
            return Draft.refusal(provider());
        }
        if (meaning != null) {
            String previous = history == null || history.isEmpty() ? null : history.get(history.size() - 1).question();
            return meaning.answer(question, previous, QuestionNames.of(question, terms), passages, splitter, terms)
                    .map(text -> new Draft(text, false, "extractive", null, null))
                    .orElseGet(() -> Draft.refusal(provider()));
        }
        Map<String, Double> idf = weights.idf(q);
        double total = q.stream().mapToDouble(t -> idf.getOrDefault(t, 1.0)).sum();
        String kind = questionKind(question);
        Set<String> names = QuestionNames.of(question, terms).stems();
        List<Candidate> cands = new ArrayList<>();
        for (int r = 0; r < passages.size(); r++) {
            NumberedPassage p = passages.get(r);
            String text = p.passage().text();
            // A sentence inherits its article's topic: "the repairs cost 41.3 million" is about the
            // bridge in the title even though it does not name it, so context terms count half.
            Set<String> context = new HashSet<>(terms.contentTerms(p.title() + " " + text));
            if (!context.containsAll(names)) {
                continue; // a passage that never names who or what was asked about cannot answer it
            }
            List<Span> spans = splitter.split(text);
            for (int i = 0; i < spans.size(); i++) {
                String s = spans.get(i).of(text);
                if (s.length() < 20 || !endsLikeSentence(s) || AnswerText.hasMarkup(s)) {
                    continue;
                }
                Set<String> stems = new HashSet<>(terms.contentTerms(s));
                double got = 0;
                double reached = 0;
                for (String t : q) {
                    double w = idf.getOrDefault(t, 1.0);
                    if (stems.contains(t)) {
                        got += w;
                        reached += w;
                    } else if (context.contains(t)) {
                        got += CONTEXT_WEIGHT * w;
                        reached += w;
                    }
                }
                double score = total == 0 ? 0 : got / total;
                score += kindBonus(kind, s);
                score -= 0.02 * r; // earlier (better-ranked) passages win ties
                cands.add(new Candidate(p.n(), r, i, s, stems, score, total == 0 ? 0 : reached / total));
            }
        }
        cands.sort(Comparator.comparingDouble(Candidate::score).reversed());
        // The best sentence and its passage together must reach most of what was asked: "the
        // mayor of Greyford" is not answered by a sentence about another town's mayor.
        if (cands.isEmpty() || cands.get(0).score() < options.minScore() || cands.get(0).reach() < MIN_REACH) {
            return Draft.refusal(provider());
        }
        List<Candidate> chosen = new ArrayList<>();
        Candidate best = cands.get(0);
        for (Candidate c : cands) {
            if (chosen.size() >= options.maxSentences()) {
                break;
            }
            if (c.score() < best.score() * 0.7 || c.score() < options.minScore()) {
                break;
            }
            if (chosen.stream().anyMatch(x -> similar(x.stems(), c.stems()))) {
                continue;
            }
            chosen.add(c);
        }
        // Keep sentences from the same passage in reading order so the answer flows.
        chosen.sort(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::position));
        StringBuilder b = new StringBuilder();
        for (Candidate c : chosen) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(cite(c.text(), c.n()));
        }
        return new Draft(b.toString(), false, "extractive", null, null);
    }

    @Override
    public Draft summarize(String articleTitle, List<NumberedPassage> passages) {
        Terms terms = new Terms();
        Map<String, Integer> tf = new HashMap<>();
        List<Candidate> cands = new ArrayList<>();
        int position = 0;
        List<List<String>> perSentence = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (NumberedPassage p : passages) {
            String text = p.passage().text();
            for (Span sp : splitter.split(text)) {
                String s = sp.of(text);
                List<String> st = terms.contentTerms(s);
                perSentence.add(st);
                texts.add(s);
                numbers.add(p.n());
                for (String t : new HashSet<>(st)) {
                    tf.merge(t, 1, Integer::sum);
                }
            }
        }
        int count = texts.size();
        if (count == 0) {
            return Draft.refusal(provider());
        }
        for (int i = 0; i < count; i++) {
            String s = texts.get(i);
            List<String> st = perSentence.get(i);
            int words = s.split("\\s+").length;
            if (words < 6 || !endsLikeSentence(s) || AnswerText.hasMarkup(s)) {
                continue;
            }
            double centrality = 0;
            for (String t : new HashSet<>(st)) {
                centrality += Math.log(1 + tf.get(t));
            }
            centrality /= Math.sqrt(Math.max(8, st.size()));
            double lead = i < 3 ? 0.6 - 0.15 * i : 0;
            double tooLong = words > 45 ? 0.3 : 0;
            cands.add(new Candidate(numbers.get(i), 0, position + i, s, new HashSet<>(st), centrality + lead - tooLong, 1));
        }
        if (cands.isEmpty()) {
            return Draft.refusal(provider());
        }
        int want = Math.max(2, Math.min(options.summarySentences(), (count + 3) / 4));
        List<Candidate> ranked = new ArrayList<>(cands);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : ranked) {
            if (chosen.size() >= want) {
                break;
            }
            if (chosen.stream().noneMatch(x -> similar(x.stems(), c.stems()))) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::position));
        StringBuilder b = new StringBuilder();
        for (Candidate c : chosen) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(cite(c.text(), c.n()));
        }
        return new Draft(b.toString(), false, "extractive", null, null);
    }

    /** Puts {@code [n]} before the sentence's final stop; see {@link AnswerText#cite}. */
    static String cite(String sentence, int n) {
        return AnswerText.cite(sentence, n);
    }

    static boolean endsLikeSentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return ".!?\"'”’)".indexOf(last) >= 0;
    }

    static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return inter.size() / (double) Math.min(a.size(), b.size()) > 0.8;
    }

    static String questionKind(String question) {
        String q = question.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.startsWith("who") || q.contains(" who ")) {
            return "who";
        }
        if (q.startsWith("when") || q.contains("what year") || q.contains("what date")) {
            return "when";
        }
        if (q.startsWith("how many") || q.startsWith("how much") || q.contains("how many") || q.contains("how much")) {
            return "number";
        }
        return "other";
    }

    private static double kindBonus(String kind, String sentence) {
        return switch (kind) {
            case "who" -> NAME.matcher(sentence).find() ? 0.05 : 0;
            case "when" -> YEAR_OR_DATE.matcher(sentence).find() ? 0.1 : 0;
            case "number" -> NUMBER.matcher(sentence).find() ? 0.1 : 0;
            default -> 0;
        };
    }
}
