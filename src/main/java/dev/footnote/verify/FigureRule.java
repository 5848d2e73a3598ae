package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;

/**
 * {@code unattributed_figure}: an amount, a percentage or a large count with no origin a reader
 * can check: stated as fact with no word of origin ("the deal is worth $2.1 billion"), or reported
 * from a reference a reader cannot find ("according to a 2023 Gartner report, ... up to 40%"). Not "the census
 * counted 2 million residents" or "Halvora said revenue rose 31%".
 */
final class FigureRule implements ClaimRule {

    private final Lexicon lex;
    private final UnverifiableSourceRule references;
    private final String reason;
    private final String fromReference;

    FigureRule(Lexicon lex, UnverifiableSourceRule references) {
        this.lex = lex;
        this.references = references;
        this.reason = lex.cues.setting("figure.reason", "States the figure \"{cue}\" without saying where it comes from.");
        this.fromReference = lex.cues.setting("figure.reference_reason",
                "Gives the figure \"{cue}\" only on the word of \"{source}\", which a reader cannot find.");
    }

    @Override
    public Optional<Finding> apply(SentenceFacts s) {
        if (s.attribution() == Attribution.NAMED) {
            return Optional.empty();
        }
        SentenceTokens t = s.tokens();
        String figure = figure(t);
        if (figure == null) {
            return Optional.empty();
        }
        // Stated as fact, a figure has no origin unless a word of origin is there ("the census
        // counted", "data show"). Reported from a reference a reader cannot find ("according to a
        // 2023 Gartner report, savings of up to 40%") it has none either.
        boolean origin = s.attribution() == Attribution.SPEAKER || Lexicon.hasAny(t, lex.figureSources);
        if (origin) {
            Optional<Finding> ref = references.apply(s);
            if (ref.isEmpty()) {
                return Optional.empty();
            }
            String r = fromReference.replace("{cue}", figure).replace("{source}", ref.get().cue());
            return Optional.of(new Finding(FlagKind.UNATTRIBUTED_FIGURE, figure, r, 0.5));
        }
        return Optional.of(new Finding(FlagKind.UNATTRIBUTED_FIGURE, figure, reason.replace("{cue}", figure), 0.5));
    }

    /** The first amount, percentage or large count in the sentence, as written, or null. */
    String figure(SentenceTokens t) {
        for (int k = 0; k < t.size; k++) {
            if (t.text[k].equals("$") && k + 1 < t.size && t.type[k + 1] == SentenceTokens.NUM) {
                int to = k + 2;
                if (to < t.size && lex.figureUnits.contains(t.text[to])) {
                    to++;
                }
                return t.span(k, to);
            }
            if (t.type[k] != SentenceTokens.NUM || Lexicon.yearAt(t, k) >= 0 && !(k + 1 < t.size && t.text[k + 1].equals("%"))) {
                continue;
            }
            if (k + 1 < t.size) {
                String n = t.text[k + 1];
                if (n.equals("%") || lex.percentWords.contains(n) || n.equals("per") && t.is(k + 2, "cent")) {
                    return t.span(k, n.equals("per") ? k + 3 : k + 2);
                }
                if (lex.figureUnits.contains(n) && !n.equals("m") && !n.equals("k") || lex.currencyWords.contains(n)) {
                    int to = k + 2;
                    if (to < t.size && lex.currencyWords.contains(t.text[to])) {
                        to++;
                    }
                    return t.span(k, to);
                }
            }
        }
        return null;
    }
}
