package dev.footnote.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways English spells a whole number from 1 to 99 in words, as a cardinal ("eleven",
 * "twenty-one") and as an ordinal ("eleventh", "twenty-first"), so that a question's "Season 11"
 * finds "the eleventh season". Generated from the rules of English number names rather than
 * listed, since they are a grammar and not a vocabulary.
 */
public final class NumberWords {

    private static final String[] ONES = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] ONES_TH = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] TENS_TH = {"", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
        "eightieth", "ninetieth"};

    private NumberWords() {
    }

    /** The spellings of {@code n} (cardinal, ordinal; compounds with a hyphen and with a space); empty outside 1..99. */
    public static List<String> spellings(int n) {
        List<String> out = new ArrayList<>();
        if (n < 1 || n > 99) {
            return out;
        }
        if (n < 20) {
            out.add(ONES[n]);
            out.add(ONES_TH[n]);
        } else if (n % 10 == 0) {
            out.add(TENS[n / 10]);
            out.add(TENS_TH[n / 10]);
        } else {
            for (String sep : new String[] {"-", " "}) {
                out.add(TENS[n / 10] + sep + ONES[n % 10]);
                out.add(TENS[n / 10] + sep + ONES_TH[n % 10]);
            }
        }
        return out;
    }

    /**
     * Whether {@code text} spells {@code n} out as a word of its own ("the eleventh season"; not
     * "seventeenth" for 7). Linear in the text for each spelling.
     */
    public static boolean spelledIn(String text, int n) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : spellings(n)) {
            for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
                int end = at + w.length();
                boolean before = at > 0 && (Character.isLetter(lower.charAt(at - 1)) || lower.charAt(at - 1) == '-');
                boolean after = end < lower.length() && (Character.isLetter(lower.charAt(end)) || lower.charAt(end) == '-');
                if (!before && !after) {
                    return true;
                }
            }
        }
        return false;
    }
}
