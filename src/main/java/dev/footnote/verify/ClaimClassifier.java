package dev.footnote.verify;

import dev.footnote.answer.Flag;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a sentence of an article sources its claim (check 2 of the claim checker). Runs
 * at ingest for every sentence, so it is rule based and cheap: one tokenisation, a hash look-up per
 * token against the cue index of {@code verify/cues.txt}, and a few linear scans.
 *
 * <p>A sentence is <em>sourced</em>, and never flagged for vagueness, when it carries a link, a
 * named speaker or body with a speech verb ("the ministry said", "said Smith", "according to
 * Reuters"), a named document ("the World Happiness Report", "a report by the IMF", a quoted
 * title), an academic citation or a footnote marker, or names one of the article's declared
 * sources. Otherwise its cue weights are added up; at or above the threshold the sentence is
 * flagged with the kind of the group that weighs most. Independently, a cited report dated well
 * before the article's publication is an {@code anachronism}, and an amount or percentage with no
 * origin in the sentence is an {@code unattributed_figure}.
 *
 * <p>Thread-safe: instances hold only immutable tables.
 */
public final class ClaimClassifier {

    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\d{1,3}\\]|\\[\\^\\w+\\]");
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "\\(\\s*(?:see\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:et al\\.?|and|&)\\s*(?:\\p{Lu}[\\p{L}'’-]+)?)?,?\\s+(?:1[5-9]|20)\\d\\d[a-z]?\\s*(?:[,:;][^)]{0,30})?\\)");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "s");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "this", "that", "its", "their", "his", "her");

    private final Cues cues;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Cues.Group[] groupByIndex;
    private final double threshold;
    private final int anachronismYears;
    private final Set<String> speechVerbs;
    /** Verbs of opinion ("believed", "thinks"): attributed only to the subject right before them. */
    private final Set<String> opinionVerbs;
    private final Set<String> vagueSubjects;
    private final Set<String> namedRoles;
    private final Set<String> pronouns;
    private final Set<String> reportNouns;
    private final Set<String> figureUnits;
    private final Set<String> currencyWords;
    private final Set<String> percentWords;
    private final Set<String> figureSources;
    private final Set<String> namedDocWords;
    private final Set<String> months;
    private final Set<String> cueFirstWords;
    private final Set<String> openers;

    /** Loads the cue lists and thresholds from the resource {@code verify/cues.txt}. */
    public ClaimClassifier() {
        this(Cues.defaults());
    }

    ClaimClassifier(Cues cues) {
        this.cues = cues;
        this.groupByIndex = cues.groups.values().toArray(new Cues.Group[0]);
        this.threshold = cues.number("flag.threshold", 1.0);
        this.anachronismYears = (int) cues.number("anachronism.min_years", 3);
        this.speechVerbs = cues.list("speech_verbs");
        this.opinionVerbs = cues.list("opinion_verbs");
        this.vagueSubjects = cues.list("vague_subjects");
        this.namedRoles = cues.list("named_roles");
        this.pronouns = cues.list("pronouns");
        this.reportNouns = cues.list("report_nouns");
        this.figureUnits = cues.list("figure_units");
        this.currencyWords = cues.list("currency_words");
        this.percentWords = cues.list("percent_words");
        this.figureSources = cues.list("figure_sources");
        this.namedDocWords = cues.list("named_doc_words");
        this.months = cues.list("months");
        this.openers = cues.list("openers");
        Set<String> firsts = new HashSet<>();
        for (Cues.Group g : groupByIndex) {
            for (Cues.Cue c : g.cues) {
                if (c.alts[0] != null) {
                    firsts.addAll(c.alts[0]);
                }
            }
        }
        this.cueFirstWords = firsts;
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
        return classify(sentence, ctx, null);
    }

    /** What the classifier saw in a sentence: every cue hit (negative ones too) and the attribution found. */
    record Trace(SentenceClaim claim, List<Hit> hits, String attribution) {
    }

    /** For tuning and debugging: the verdict with the cue hits behind it. */
    Trace trace(String sentence, ClaimContext ctx) {
        List<Hit> all = new ArrayList<>();
        String[] attribution = new String[1];
        SentenceClaim c = classify(sentence, ctx, new Object[] {all, attribution});
        return new Trace(c, all, attribution[0]);
    }

    @SuppressWarnings("unchecked")
    private SentenceClaim classify(String sentence, ClaimContext ctx, Object[] trace) {
        if (ctx == null) {
            ctx = ClaimContext.none();
        }
        String text = sentence == null ? "" : sentence;
        String body = structuralBody(text);
        if (body == null) {
            return new SentenceClaim(text, false, null, List.of(), null);
        }
        Tokens t = Tokens.of(body);
        if (t.size == 0) {
            return new SentenceClaim(text, false, null, List.of(), null);
        }

        // 1. Cue scores by group.
        double[] sums = new double[groupByIndex.length];
        List<Hit> hits = new ArrayList<>(4);
        final ClaimContext c = ctx;
        cues.match(t, (cue, from, to) -> {
            if (cue.group.name.equals("document") && documentNamed(t, from, to, c)) {
                return;
            }
            int gi = indexOf(cue.group);
            sums[gi] += cue.weight;
            Hit h = new Hit(gi, cueText(t, from, to), cue.weight, from, cue.source);
            if (cue.weight > 0) {
                hits.add(h);
            }
            if (trace != null) {
                ((List<Hit>) trace[0]).add(h);
            }
        });
        hits.sort((a, b) -> Integer.compare(a.from(), b.from()));
        List<String> cueTexts = new ArrayList<>(hits.size() + 1);
        for (Hit h : hits) {
            if (!cueTexts.contains(h.text())) {
                cueTexts.add(h.text());
            }
        }

        // 2. Anachronism: a dated report cited well before publication or before the events described.
        String[] anachronism = anachronism(t, ctx);
        if (anachronism != null) {
            List<String> cs = new ArrayList<>(cueTexts);
            cs.add(0, anachronism[0]);
            return new SentenceClaim(text, true, Flag.ANACHRONISM, dedupe(cs), anachronism[1]);
        }

        // 3. A sourced sentence is never flagged for vagueness.
        Attribution attribution = attribution(t, body, ctx);
        if (trace != null) {
            ((String[]) trace[1])[0] = attribution.name();
        }
        if (attribution == Attribution.NAMED) {
            return new SentenceClaim(text, false, null, cueTexts, null);
        }

        double total = 0;
        int best = -1;
        for (int gi = 0; gi < sums.length; gi++) {
            Cues.Group g = groupByIndex[gi];
            if (g.name.equals("speculation") && attribution == Attribution.SPEAKER) {
                sums[gi] = 0; // someone else's forecast, reported
            }
            total += sums[gi];
            if (!"none".equals(g.kind) && sums[gi] > 0 && (best < 0 || sums[gi] > sums[best])) {
                best = gi;
            }
        }
        if (best >= 0 && total >= threshold - 1e-9) {
            Cues.Group g = groupByIndex[best];
            String cue = primaryCue(hits, best);
            return new SentenceClaim(text, true, g.kind, cueTexts, fill(g.reason, cue));
        }

        // 4. A figure stated as fact with no origin.
        if (attribution == Attribution.NONE) {
            String figure = figure(t);
            if (figure != null && !hasAny(t, figureSources)) {
                List<String> cs = new ArrayList<>(cueTexts);
                cs.add(figure);
                return new SentenceClaim(text, true, Flag.UNATTRIBUTED_FIGURE, dedupe(cs),
                        fill(cues.setting("figure.reason", "States the figure \"{cue}\" without saying where it comes from."), figure));
            }
        }
        return new SentenceClaim(text, false, null, cueTexts, null);
    }

    // ---------------------------------------------------------------------------------------------

    /** The sentence without Markdown structure, or null when it is a heading or has no prose. */
    private static String structuralBody(String s) {
        String x = s.strip();
        if (x.isEmpty() || isAtxHeading(x)) {
            return null;
        }
        if (x.charAt(0) == '|') {
            // A table row: separators have no prose; cells are classified as one sentence.
            boolean prose = false;
            for (int i = 0; i < x.length(); i++) {
                if (Character.isLetterOrDigit(x.charAt(i))) {
                    prose = true;
                    break;
                }
            }
            return prose ? x.replace('|', ' ') : null;
        }
        int i = 0;
        while (i < x.length() && (x.charAt(i) == '>' || x.charAt(i) == ' ')) {
            i++;
        }
        if (i + 1 < x.length() && (x.charAt(i) == '-' || x.charAt(i) == '*' || x.charAt(i) == '+' || x.charAt(i) == '•')
                && Character.isWhitespace(x.charAt(i + 1))) {
            i += 2;
        }
        x = x.substring(i);
        if (isTitleLike(x)) {
            return null;
        }
        return x;
    }

    /** A Markdown heading: one to six '#' then a space or the end of the line ("#hashtag" is text). */
    private static boolean isAtxHeading(String x) {
        int n = 0;
        while (n < x.length() && x.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n <= 6 && (n == x.length() || Character.isWhitespace(x.charAt(n)));
    }

    /** A short line with no end punctuation whose words are capitalised: a heading in plain text. */
    private static boolean isTitleLike(String x) {
        if (x.isEmpty()) {
            return true;
        }
        char last = x.charAt(x.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '”' || last == ')') {
            return false;
        }
        if (x.startsWith("**") && x.endsWith("**") && x.length() < 80) {
            return true;
        }
        String[] words = x.split("\\s+");
        if (words.length > 8) {
            return false;
        }
        int capitalised = 0;
        int long_ = 0;
        for (String w : words) {
            if (w.length() >= 4) {
                long_++;
                if (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return long_ > 0 && capitalised == long_;
    }

    /** The cue as written, with a sentence-initial capital lowered unless it starts a name. */
    private String cueText(Tokens t, int from, int to) {
        String s = t.span(from, to);
        if (from == t.firstWord() && t.cap[from] && !s.isEmpty() && !isName(t, from, from)
                && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private int indexOf(Cues.Group g) {
        for (int i = 0; i < groupByIndex.length; i++) {
            if (groupByIndex[i] == g) {
                return i;
            }
        }
        return 0;
    }

    private static String primaryCue(List<Hit> hits, int group) {
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

    record Hit(int group, String text, double weight, int from, String pattern) {
    }

    private static String fill(String template, String cue) {
        return template.replace("{cue}", cue);
    }

    private static List<String> dedupe(List<String> xs) {
        List<String> out = new ArrayList<>(xs.size());
        for (String x : xs) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static boolean hasAny(Tokens t, Set<String> words) {
        for (int i = 0; i < t.size; i++) {
            if (words.contains(t.text[i])) {
                return true;
            }
        }
        return false;
    }

    // --- attribution -----------------------------------------------------------------------------

    private enum Attribution { NONE, SPEAKER, NAMED }

    /**
     * NAMED when the sentence names its source (link, named speaker or body, named document,
     * citation, a declared source); SPEAKER when it reports someone's words without a name the
     * classifier recognises; NONE otherwise.
     */
    private Attribution attribution(Tokens t, String body, ClaimContext ctx) {
        // Cheap character checks first: the regular expressions are the costliest part of a sentence.
        if ((body.indexOf('/') >= 0 || body.indexOf("www.") >= 0) && WebAddress.in(body)
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
            if (opinionVerbs.contains(w) && t.type[k] == Tokens.WORD && !t.cap[k] && !passive(t, k)
                    && namedSubject(t, k, first)) {
                return Attribution.NAMED; // "Grant believed", "she thinks": a named person's view
            }
            if (speechVerbs.contains(w) && t.type[k] == Tokens.WORD && (!t.cap[k] || k == first)) {
                if (passive(t, k)) {
                    continue; // "it is said", "was often reported", "is not considered": impersonal
                }
                speaker = true;
                if (namedBefore(t, k, first)) {
                    return Attribution.NAMED;
                }
                // Inverted order after a quote or a comma: "..., said Smith".
                boolean inverted = k > 0 && t.type[k - 1] == Tokens.PUNCT;
                if (inverted && namedAfter(t, k + 1, first)) {
                    return Attribution.NAMED;
                }
            }
            if (reportNouns.contains(w) && documentNamedAt(t, k, first)) {
                return Attribution.NAMED;
            }
        }
        if (!ctx.declaredSources().isEmpty() && mentionsDeclared(t, ctx)) {
            return Attribution.NAMED;
        }
        return speaker ? Attribution.SPEAKER : Attribution.NONE;
    }

    /** Negations and short adverbs that may stand between "is" (or "has") and a verb: "is not said", "has long felt". */
    private static final Set<String> BETWEEN_VERB_PARTS = Set.of("not", "t", "never", "also", "still", "often", "once", "now", "then",
            "always", "sometimes", "long", "even", "much", "well");
    private static final Set<String> BE_NEGATED = Set.of("isn", "wasn", "aren", "weren");

    /** A word that may stand between a verb's parts: one of those above, or an adverb in "-ly". */
    private static boolean betweenVerbParts(String w) {
        return BETWEEN_VERB_PARTS.contains(w) || w.endsWith("ly") && w.length() > 3;
    }

    /** The verb at k is a passive participle: a form of "be", then at most two adverbs or a negation. */
    private static boolean passive(Tokens t, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 3); j--) {
            if (t.type[j] != Tokens.WORD) {
                return false;
            }
            String w = t.text[j];
            if (BE.contains(w) || BE_NEGATED.contains(w)) {
                return true;
            }
            if (!betweenVerbParts(w)) {
                return false;
            }
        }
        return false;
    }

    /** The subject before a speech verb at k is a name, a named role or a personal pronoun. */
    private boolean namedBefore(Tokens t, int k, int first) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (t.type[j] == Tokens.PUNCT) {
                String p = t.text[j];
                if (p.equals("\"") || p.equals("'")) {
                    continue;
                }
                return false;
            }
            String w = t.text[j];
            if (vagueSubjects.contains(w)) {
                return false;
            }
            if (namedRoles.contains(w) || pronouns.contains(w) || isName(t, j, first)) {
                return !precededByQuantifier(t, j);
            }
            if (DETERMINERS.contains(w)) {
                return false; // "the final say": a noun, not a speech verb
            }
        }
        return false;
    }

    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "will", "would", "may", "might", "could",
            "should", "does", "did", "do", "can", "must");

    /**
     * The subject right before the verb at k, past adverbs and auxiliaries, is a name, a named role
     * or a personal pronoun, with no quantifier before it: "Grant believed", "the minister thinks",
     * "she has long felt" (not "some historians believe", "the features and felt").
     */
    private boolean namedSubject(Tokens t, int k, int first) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (t.type[j] != Tokens.WORD) {
                return false;
            }
            String w = t.text[j];
            if (AUXILIARIES.contains(w) || betweenVerbParts(w)) {
                continue;
            }
            return !vagueSubjects.contains(w) && (namedRoles.contains(w) || pronouns.contains(w) || isName(t, j, first))
                    && !precededByQuantifier(t, j);
        }
        return false;
    }

    /** After "according to" or a speech verb: a name, a named role, "the" + role, a quote. */
    private boolean namedAfter(Tokens t, int k, int first) {
        int j = k;
        if (t.is(j, "the")) {
            j++;
        }
        if (j >= t.size) {
            return false;
        }
        if (t.type[j] == Tokens.WORD) {
            String w = t.text[j];
            if (vagueSubjects.contains(w) || w.equals("a") || w.equals("an") || w.equals("one")) {
                return false;
            }
            return namedRoles.contains(w) || isName(t, j, first);
        }
        return false;
    }

    private boolean precededByQuantifier(Tokens t, int j) {
        for (int i = j - 1; i >= Math.max(0, j - 2); i--) {
            String w = t.text[i];
            if (w.equals("some") || w.equals("many") || w.equals("several") || w.equals("most") || w.equals("certain")
                    || w.equals("other") || w.equals("various")) {
                return true;
            }
        }
        return false;
    }

    /** A capitalised word that is a proper name rather than a capitalised sentence opener. */
    private boolean isName(Tokens t, int j, int first) {
        if (t.type[j] != Tokens.WORD || !t.cap[j]) {
            return false;
        }
        String w = t.text[j];
        if (months.contains(w) || vagueSubjects.contains(w)) {
            return false;
        }
        if (j != first) {
            return true;
        }
        // The first word of a sentence is capitalised anyway: accept it as a name only when it is
        // not a common opener (a stop word, a cue word, a speech verb, an adverb).
        return w.length() > 1 && !dev.footnote.text.Terms.isStopWord(w) && !cueFirstWords.contains(w)
                && !speechVerbs.contains(w) && !DETERMINERS.contains(w) && !openers.contains(w) && !w.endsWith("ly");
    }

    /** Is the report noun at k named: "the Global Risks Report", "a report by the IMF", "report titled ...". */
    private boolean documentNamedAt(Tokens t, int k, int first) {
        if (t.cap[k] && k != first) {
            return true;
        }
        for (int j = k + 1; j <= Math.min(t.size - 1, k + 3); j++) {
            String w = t.text[j];
            if (namedDocWords.contains(w) || w.equals("\"")) {
                return true;
            }
            if ((w.equals("by") || w.equals("from")) && j + 1 < t.size) {
                int n = t.is(j + 1, "the") ? j + 2 : j + 1;
                return n < t.size && (isName(t, n, first) && !months.contains(t.text[n]));
            }
        }
        return false;
    }

    /** An unnamed-document cue is not vague when a name, title or quote follows closely. */
    private boolean documentNamed(Tokens t, int from, int to, ClaimContext ctx) {
        int first = t.firstWord();
        for (int j = from; j < Math.min(t.size, to + 4); j++) {
            if (t.type[j] == Tokens.PUNCT) {
                if (t.text[j].equals("\"") && j >= to) {
                    return true;
                }
                if (j >= to) {
                    break;
                }
                continue;
            }
            String w = t.text[j];
            if (isName(t, j, first) && j != first && !months.contains(w)) {
                return true;
            }
            if (namedDocWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean mentionsDeclared(Tokens t, ClaimContext ctx) {
        Set<String> keys = declaredKeys(ctx);
        if (keys.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.size; i++) {
            if (t.type[i] == Tokens.WORD && keys.contains(t.text[i])) {
                return true;
            }
            // "the Lancet" for thelancet.com, "Reuters" for reuters.com
            if (t.type[i] == Tokens.WORD && t.cap[i] && t.text[i].length() >= 4) {
                for (String k : keys) {
                    if (k.startsWith(HOST) && k.contains(t.text[i])) {
                        return true;
                    }
                }
            }
            // "the report", "this study": a definite reference to one of the declared sources.
            if (reportNouns.contains(t.text[i]) && i > 0 && (t.is(i - 1, "the") || t.is(i - 1, "this") || t.is(i - 1, "that"))) {
                return true;
            }
        }
        return false;
    }

    /** Marks a declared-source key that is a host name label, matched by containment. */
    private static final String HOST = "\u0001";

    private volatile Object[] declaredCache = {null, Set.of()};

    private Set<String> declaredKeys(ClaimContext ctx) {
        Object[] cached = declaredCache;
        // Ingest builds a context per sentence: compare by value so that an article's sources are read once.
        if (cached[0] == ctx.declaredSources() || ctx.declaredSources().equals(cached[0])) {
            @SuppressWarnings("unchecked")
            Set<String> s = (Set<String>) cached[1];
            return s;
        }
        Set<String> keys = new HashSet<>();
        for (String src : ctx.declaredSources()) {
            if (src == null) {
                continue;
            }
            String s = src.strip();
            int scheme = s.indexOf("://");
            if (scheme >= 0 || s.startsWith("www.")) {
                String host = s.substring(scheme >= 0 ? scheme + 3 : 0);
                int slash = host.indexOf('/');
                if (slash >= 0) {
                    host = host.substring(0, slash);
                }
                String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
                for (int i = 0; i < labels.length - 1; i++) {
                    if (labels[i].length() >= 3 && !labels[i].equals("www") && !labels[i].equals("com")) {
                        keys.add(labels[i]);
                        keys.add(HOST + labels[i]);
                    }
                }
                continue;
            }
            Tokens st = Tokens.of(s);
            for (int i = 0; i < st.size; i++) {
                if (st.type[i] == Tokens.WORD && st.cap[i] && st.text[i].length() >= 3
                        && !dev.footnote.text.Terms.isStopWord(st.text[i]) && !reportNouns.contains(st.text[i])) {
                    keys.add(st.text[i]);
                }
            }
        }
        declaredCache = new Object[] {ctx.declaredSources(), keys};
        return keys;
    }

    // --- anachronism -----------------------------------------------------------------------------

    /** {cue, reason} when the sentence cites a report dated well before publication or before its events. */
    private String[] anachronism(Tokens t, ClaimContext ctx) {
        int reportAt = -1;
        int year = -1;
        for (int k = 0; k < t.size; k++) {
            int y = yearAt(t, k);
            if (y < 0) {
                continue;
            }
            // "a 2015 report", "a 2015 industry survey", "the 2019 OECD study"
            for (int j = k + 1; j <= Math.min(t.size - 1, k + 3); j++) {
                if (t.type[j] == Tokens.PUNCT) {
                    break;
                }
                if (reportNouns.contains(t.text[j]) && !t.text[j].equals("data") && !t.text[j].equals("research")) {
                    reportAt = k;
                    year = y;
                    break;
                }
            }
            if (year < 0) {
                // "a report published in 2015", "a study from 2015"
                for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
                    if (reportNouns.contains(t.text[j])) {
                        String between = t.text[k - 1];
                        if (between.equals("in") || between.equals("from") || between.equals("of") || between.equals("dated")) {
                            reportAt = j;
                            year = y;
                        }
                        break;
                    }
                }
            }
            if (year >= 0) {
                break;
            }
        }
        if (year < 0) {
            return null;
        }
        int from = reportAt;
        while (from > 0 && t.type[from - 1] == Tokens.WORD && (DETERMINERS.contains(t.text[from - 1]))) {
            from--;
        }
        int to = reportAt + 1;
        while (to < t.size && to <= reportAt + 4 && t.type[to] != Tokens.PUNCT) {
            boolean noun = reportNouns.contains(t.text[to]);
            to++;
            if (noun) {
                break;
            }
            if (yearAt(t, to - 1) >= 0) {
                break;
            }
        }
        String cue = t.span(from, to);
        int published = ctx.publishedYear();
        if (published > 0 && published - year >= anachronismYears) {
            String reason = cues.setting("anachronism.reason", "Cites \"{cue}\", dated {years} years before the article was published.")
                    .replace("{years}", Integer.toString(published - year));
            return new String[] {cue, fill(reason, cue)};
        }
        // An event the report could not have described: "a 2019 study of the 2022 floods".
        for (int k = 1; k + 1 < t.size; k++) {
            if (yearAt(t, k) > year && t.is(k - 1, "the") && t.type[k + 1] == Tokens.WORD && !forecastBefore(t, k)) {
                String event = t.span(k - 1, k + 2);
                String reason = cues.setting("anachronism.event_reason", "Cites \"{cue}\", dated before the events it describes ({event}).")
                        .replace("{event}", event);
                return new String[] {cue, fill(reason, cue)};
            }
        }
        return null;
    }

    private static boolean forecastBefore(Tokens t, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            String w = t.text[j];
            if (w.equals("by") || w.equals("until") || w.equals("through") || w.startsWith("project") || w.startsWith("forecast")
                    || w.startsWith("predict") || w.startsWith("expect") || w.equals("will") || w.equals("to")) {
                return true;
            }
        }
        return false;
    }

    private static int yearAt(Tokens t, int k) {
        if (t.type[k] != Tokens.NUM) {
            return -1;
        }
        String s = t.text[k];
        if (s.length() != 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            y = y * 10 + (c - '0');
        }
        if (y < 1800 || y > 2100) {
            return -1;
        }
        // "2015 people" is a count, "$2015" an amount.
        if (k > 0 && t.text[k - 1].equals("$")) {
            return -1;
        }
        return y;
    }

    // --- figures ---------------------------------------------------------------------------------

    /** The first amount, percentage or large count in the sentence, as written, or null. */
    private String figure(Tokens t) {
        for (int k = 0; k < t.size; k++) {
            if (t.text[k].equals("$") && k + 1 < t.size && t.type[k + 1] == Tokens.NUM) {
                int to = k + 2;
                if (to < t.size && figureUnits.contains(t.text[to])) {
                    to++;
                }
                return t.span(k, to);
            }
            if (t.type[k] != Tokens.NUM || yearAt(t, k) >= 0 && !(k + 1 < t.size && t.text[k + 1].equals("%"))) {
                continue;
            }
            if (k + 1 < t.size) {
                String n = t.text[k + 1];
                if (n.equals("%") || percentWords.contains(n) || n.equals("per") && t.is(k + 2, "cent")) {
                    return t.span(k, n.equals("per") ? k + 3 : k + 2);
                }
                if (figureUnits.contains(n) && !n.equals("m") && !n.equals("k") || currencyWords.contains(n)) {
                    int to = k + 2;
                    if (to < t.size && currencyWords.contains(t.text[to])) {
                        to++;
                    }
                    return t.span(k, to);
                }
            }
        }
        return null;
    }
}
