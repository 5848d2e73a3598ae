package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;

/**
 * {@code unattributed_figure}: an amount, a percentage or a large count stated as fact by a
 * sentence that reports no one's words and names no origin for it ("the deal is worth $2.1
 * billion"; not "the census counted 2 million residents", "Halvora said revenue rose 31%").
 */
final class FigureRule implements ClaimRule {

    private final Lexicon lex;
    private final String reason;

    FigureRule(Lexicon lex) {
        this.lex = lex;
        this.reason = lex.cues.setting("figure.reason", "States the figure \"{cue}\" without saying where it comes from.");
    }

    @Override
    public Optional<Finding> apply(SentenceFacts s) {
        if (s.attribution() != Attribution.NONE) {
            return Optional.empty();
        }
        Tokens t = s.tokens();
        String figure = figure(t);
        if (figure == null || Lexicon.hasAny(t, lex.figureSources)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FlagKind.UNATTRIBUTED_FIGURE, figure, reason.replace("{cue}", figure), 0.5));
    }

    /** The first amount, percentage or large count in the sentence, as written, or null. */
    String figure(Tokens t) {
        for (int k = 0; k < t.size; k++) {
            if (t.text[k].equals("$") && k + 1 < t.size && t.type[k + 1] == Tokens.NUM) {
                int to = k + 2;
                if (to < t.size && lex.figureUnits.contains(t.text[to])) {
                    to++;
                }
                return t.span(k, to);
            }
            if (t.type[k] != Tokens.NUM || Lexicon.yearAt(t, k) >= 0 && !(k + 1 < t.size && t.text[k + 1].equals("%"))) {
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
