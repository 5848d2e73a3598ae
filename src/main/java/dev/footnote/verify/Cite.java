package dev.footnote.verify;

/** How a reference is quoted in a reason: as written, with a sentence-initial capital lowered ("Cites "a 2022 Bloomberg article"..."). */
final class Cite {

    private Cite() {
    }

    static String lowerFirst(SentenceTokens t, int from, int to) {
        String s = t.span(from, to);
        if (from == t.firstWord() && !s.isEmpty() && t.type[from] == SentenceTokens.WORD && Lexicon.DETERMINERS.contains(t.text[from])) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
