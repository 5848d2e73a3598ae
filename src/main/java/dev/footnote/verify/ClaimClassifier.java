package dev.footnote.verify;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a sentence of an article sources its claim (check 2 of the claim checker). Runs
 * at ingest for every sentence, so it is rule based and cheap: one tokenisation, a hash look-up per
 * token against the cue index of {@code verify/cues.txt}, one attribution scan, then each
 * {@link ClaimRule} on what those found.
 *
 * <p>Every rule's finding is kept, at most one per kind, strongest first (see
 * {@link Finding#strength}): a sentence can be an unverifiable source, an anachronism and an
 * unattributed figure at once. Its {@code kind} is the strongest.
 *
 * <p>Thread-safe: instances hold only immutable tables and rules.
 */
public final class ClaimClassifier {

    private final Lexicon lex;
    private final CueGroup[] groups;
    private final AttributionReader attribution;
    private final List<ClaimRule> rules;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** Loads the cue lists and thresholds from the resource {@code verify/cues.txt}. */
    public ClaimClassifier() {
        this(Cues.defaults());
    }

    ClaimClassifier(Cues cues) {
        this(new Lexicon(cues));
    }

    private ClaimClassifier(Lexicon lex) {
        this(lex, new DeclaredSources(lex));
    }

    private ClaimClassifier(Lexicon lex, DeclaredSources declared) {
        this(lex, new AttributionReader(lex, declared), standardRules(lex, declared));
    }

    /** With the given rules, run in order on every sentence (tests run one rule alone this way). */
    ClaimClassifier(Lexicon lex, AttributionReader attribution, List<ClaimRule> rules) {
        this.lex = lex;
        this.groups = lex.cues.groups.values().toArray(new CueGroup[0]);
        this.attribution = attribution;
        this.rules = List.copyOf(rules);
    }

    /** The rules of the default classifier: anachronism, unverifiable source, attribution, accusation, speculation, figure. */
    static List<ClaimRule> standardRules(Lexicon lex, DeclaredSources declared) {
        UnverifiableSourceRule references = new UnverifiableSourceRule(lex, declared);
        return List.of(new AnachronismRule(lex), references, new AttributionRule(lex.cues), new AccusationRule(lex),
                new SpeculationRule(lex.cues), new FigureRule(lex, references));
    }

    /** Classifies every sentence of {@code text}, split with {@link SentenceSplitter}. */
    public List<SentenceClaim> classifyText(String text, ClaimContext ctx) {
        List<SentenceClaim> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (Span s : splitter.split(text)) {
            out.add(classify(s.of(text), ctx));
        }
        return out;
    }

    /** Classifies one sentence. Never throws on odd input; null or blank gives an unflagged claim. */
    public SentenceClaim classify(String sentence, ClaimContext ctx) {
        if (ctx == null) {
            ctx = ClaimContext.none();
        }
        String text = sentence == null ? "" : sentence;
        String body = SentenceBody.of(text);
        if (body == null) {
            return new SentenceClaim(text, List.of(), List.of());
        }
        SentenceTokens t = SentenceTokens.of(body);
        if (t.size == 0) {
            return new SentenceClaim(text, List.of(), List.of());
        }
        CueScores scores = CueScores.of(lex, groups, t, attribution);
        SentenceFacts facts = new SentenceFacts(text, body, t, ctx, attribution.read(t, body, ctx), scores);
        List<Finding> findings = new ArrayList<>(2);
        for (ClaimRule rule : rules) {
            Optional<Finding> f = rule.apply(facts);
            f.ifPresent(x -> merge(findings, x));
        }
        findings.sort(Comparator.comparingDouble(Finding::strength).reversed());
        return new SentenceClaim(text, findings, cues(findings, scores), facts.attribution() == Attribution.NAMED);
    }

    /** One finding per kind: a second one of the same kind adds its reason to the first. */
    private static void merge(List<Finding> findings, Finding f) {
        for (int i = 0; i < findings.size(); i++) {
            Finding g = findings.get(i);
            if (g.kind() == f.kind()) {
                Finding strong = g.strength() >= f.strength() ? g : f;
                Finding weak = strong == g ? f : g;
                findings.set(i, new Finding(strong.kind(), strong.cue(), strong.reason() + " " + weak.reason(), strong.strength()));
                return;
            }
        }
        findings.add(f);
    }

    /**
     * The cue texts of the sentence: the references the strong rules found first (an anachronism's
     * "a 2015 report"), then the cue words in sentence order, then the weaker findings' words (a figure).
     */
    private static List<String> cues(List<Finding> findings, CueScores scores) {
        List<String> out = new ArrayList<>(scores.texts().size() + findings.size());
        for (Finding f : findings) {
            if (f.strength() >= 2 && !f.cue().isEmpty() && !out.contains(f.cue())) {
                out.add(f.cue());
            }
        }
        for (String c : scores.texts()) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        for (Finding f : findings) {
            if (f.strength() < 1 && !f.cue().isEmpty() && !out.contains(f.cue())) {
                out.add(f.cue());
            }
        }
        return out;
    }
}
