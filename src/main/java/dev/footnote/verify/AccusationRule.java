package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vague_attribution} for an accusation or a public criticism the article reports with
 * nothing behind it: "OpenAI has accused Microsoft of not investing enough", "Rival chip designers
 * have accused Halvora of underpricing the contract", "X has publicly criticized Y as slow". Who
 * accuses may be named; what is missing is the statement, quote or document a reader could check.
 *
 * <p>Not flagged: a quote in the sentence, a link, a statement the accusation was made in ("in a
 * lawsuit filed on May 3"), a sentence that names the speaker whose words it reports, or the
 * passive ("a man accused of theft", "has been criticized": those are the cue families' business).
 * One pass over the tokens, each verb looking at most eight tokens ahead: linear.
 */
final class AccusationRule implements ClaimRule {

    private static final int MAX_OBJECT = 6;

    private final Set<String> verbs;
    private final Set<String> links;
    private final Set<String> statements;
    private final String reason;

    AccusationRule(Lexicon lex) {
        this.verbs = lex.list("accusation_verbs");
        this.links = lex.list("accusation_links");
        this.statements = lex.list("statement_nouns");
        this.reason = lex.cues.setting("accusation.reason",
                "Reports an accusation (\"{cue}\") with no statement, quote or document a reader could check.");
    }

    @Override
    public Optional<Finding> apply(SentenceFacts s) {
        if (s.attribution() == Attribution.NAMED || AttributionReader.hasLink(s.body())) {
            return Optional.empty();
        }
        SentenceTokens t = s.tokens();
        for (int i = 0; i < t.size; i++) {
            if (t.text[i].equals("\"") || statements.contains(t.text[i])) {
                return Optional.empty();
            }
        }
        int first = t.firstWord();
        for (int k = first + 1; k < t.size; k++) {
            if (t.type[k] != SentenceTokens.WORD || !verbs.contains(t.text[k]) || AttributionReader.passive(t, k)) {
                continue;
            }
            // Someone accused, then what of: "accused Halvora of", "criticized the plan as".
            for (int j = k + 2; j < t.size && j <= k + 1 + MAX_OBJECT; j++) {
                if (t.type[j] == SentenceTokens.PUNCT) {
                    break;
                }
                if (links.contains(t.text[j]) && (t.text[k].startsWith("accus") == t.text[j].equals("of"))) {
                    String cue = t.span(k, j + 1);
                    return Optional.of(new Finding(FlagKind.VAGUE_ATTRIBUTION, cue, reason.replace("{cue}", cue), 1.6));
                }
            }
        }
        return Optional.empty();
    }
}
