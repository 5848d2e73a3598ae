package dev.footnote.verify;

/**
 * The latest year an article's text reports events in: "signed in March 2026", "prices fell 18%
 * during 2025", "the AI Index 2026". An undated article is at least that recent, so a report it
 * cites from years before is out of date. Years that are targets or forecasts ("through 2030",
 * "by 2030", "expected to ... 2028") and years after the current one are not events; a year that
 * dates a report ("a 2023 Gartner report") is no later than the events either way.
 *
 * <p>One tokenisation of the body and one pass over its tokens: linear in the text.
 */
final class ArticleYear {

    private ArticleYear() {
    }

    /** The latest event year in {@code body} not after {@code currentYear}, or -1. */
    static int latest(String body, int currentYear) {
        if (body == null || body.isEmpty()) {
            return -1;
        }
        SentenceTokens t = SentenceTokens.of(body);
        int latest = -1;
        for (int k = 0; k < t.size; k++) {
            int y = Lexicon.yearAt(t, k);
            if (y <= latest || y > currentYear || Lexicon.forecastBefore(t, k)) {
                continue;
            }
            // "the 1990s" is a decade ("1990" then "s"), not a year anything happened in.
            if (k + 1 < t.size && t.type[k + 1] == SentenceTokens.WORD && t.text[k + 1].equals("s")) {
                continue;
            }
            latest = y;
        }
        return latest;
    }
}
