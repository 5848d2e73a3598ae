package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;
import java.util.Set;

/**
 * {@code anachronism}: a cited report dated {@code anachronism.min_years} or more before the
 * article's time, or before an event the same sentence has it describe ("a 2019 study of the 2022
 * floods"). The article's time is its publication date when it has one, else the latest year its
 * text reports events in (see {@link ClaimContext#articleYear}), so a 2023 report cited in a piece
 * about 2026 is flagged in every sentence that cites it, dated or not.
 */
final class AnachronismRule implements ClaimRule {

    private final Lexicon lex;
    private final int minYears;
    private final Set<String> sourceNouns;

    AnachronismRule(Lexicon lex) {
        this.lex = lex;
        this.minYears = (int) lex.cues.number("anachronism.min_years", 3);
        // Every word a reference may use for its document: "a 2023 Economist article" is as dated as "a 2023 report".
        Set<String> nouns = new java.util.HashSet<>(lex.reportNouns);
        nouns.addAll(lex.list("source_types"));
        this.sourceNouns = Set.copyOf(nouns);
    }

    @Override
    public Optional<Finding> apply(SentenceFacts s) {
        SentenceTokens t = s.tokens();
        ClaimContext ctx = s.ctx();
        int reportAt = -1;
        int year = -1;
        for (int k = 0; k < t.size && year < 0; k++) {
            int y = Lexicon.yearAt(t, k);
            if (y < 0) {
                continue;
            }
            // "a 2015 report", "a 2015 industry survey", "the 2019 OECD study"
            for (int j = k + 1; j <= Math.min(t.size - 1, k + 3); j++) {
                if (t.type[j] == SentenceTokens.PUNCT) {
                    break;
                }
                if (sourceNouns.contains(t.text[j]) && !t.text[j].equals("data") && !t.text[j].equals("research")) {
                    reportAt = k;
                    year = y;
                    break;
                }
            }
            if (year < 0) {
                // "a report published in 2015", "a study from 2015"
                for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
                    if (sourceNouns.contains(t.text[j])) {
                        String between = t.text[k - 1];
                        if (between.equals("in") || between.equals("from") || between.equals("of") || between.equals("dated")) {
                            reportAt = j;
                            year = y;
                        }
                        break;
                    }
                }
            }
        }
        if (year < 0) {
            return Optional.empty();
        }
        String cue = cue(t, reportAt);
        int articleYear = ctx.articleYear();
        if (articleYear > 0 && articleYear - year >= minYears) {
            String years = Integer.toString(articleYear - year);
            String reason = ctx.dated()
                    ? lex.cues.setting("anachronism.reason", "Cites \"{cue}\", dated {years} years before the article was published.")
                    : lex.cues.setting("anachronism.text_reason", "Cites \"{cue}\", dated {years} years before the events the article reports ({year}).")
                            .replace("{year}", Integer.toString(articleYear));
            return Optional.of(new Finding(FlagKind.ANACHRONISM, cue, reason.replace("{years}", years).replace("{cue}", cue), 3));
        }
        // An event the report could not have described: "a 2019 study of the 2022 floods".
        for (int k = 1; k + 1 < t.size; k++) {
            if (Lexicon.yearAt(t, k) > year && t.is(k - 1, "the") && t.type[k + 1] == SentenceTokens.WORD && !Lexicon.forecastBefore(t, k)) {
                String event = t.span(k - 1, k + 2);
                String reason = lex.cues.setting("anachronism.event_reason", "Cites \"{cue}\", dated before the events it describes ({event}).")
                        .replace("{event}", event);
                return Optional.of(new Finding(FlagKind.ANACHRONISM, cue, reason.replace("{cue}", cue), 3));
            }
        }
        return Optional.empty();
    }

    /** The reference as written: "a 2015 report", "the 2019 OECD study", "a report published in 2015". */
    private String cue(SentenceTokens t, int reportAt) {
        int from = reportAt;
        while (from > 0 && t.type[from - 1] == SentenceTokens.WORD && Lexicon.DETERMINERS.contains(t.text[from - 1])) {
            from--;
        }
        int to = reportAt + 1;
        while (to < t.size && to <= reportAt + 4 && t.type[to] != SentenceTokens.PUNCT) {
            boolean noun = sourceNouns.contains(t.text[to]);
            to++;
            if (noun || Lexicon.yearAt(t, to - 1) >= 0) {
                break;
            }
        }
        return Cite.lowerFirst(t, from, to);
    }
}
