package dev.footnote.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into the comparable terms that retrieval, the extractive answerer and the claim
 * checker share: lower-cased, diacritics removed and Porter-stemmed, like FTS5's
 * {@code porter unicode61} tokenizer, so a term here is a term in the index.
 */
public final class Terms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Function words that carry no topic; kept small so that questions keep their meaning. */
    public static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
            "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
            "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
            "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
            "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
            "tell", "please", "know", "say", "says", "said", "also", "did", "does", "get", "got", "s", "t",
            "there's", "what's", "who's", "it's", "let", "us", "much", "many", "may", "might", "must", "shall",
            // question filler: "what happened to X" asks about X, not about happening
            "happen", "happened", "happens", "happening", "explain", "describe", "anything", "something", "thing", "things"));

    private final PorterStemmer stemmer = new PorterStemmer();

    /** Lower-cased, diacritic-free word tokens (letters and digits), in order, stop words kept. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String folded = fold(text);
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < n) {
                    int c = folded.codePointAt(i);
                    if (!Character.isLetterOrDigit(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                out.add(folded.substring(start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    public static String fold(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT);
    }

    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /** Stemmed content terms: stop words dropped. Not thread-safe (the stemmer keeps state). */
    public List<String> contentTerms(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (!isStopWord(w)) {
                out.add(stemmer.stem(w));
            }
        }
        return out;
    }

    public String stem(String word) {
        return stemmer.stem(word);
    }
}
