package dev.footnote.answer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kind of answer a question asks for, and whether a sentence holds one. Answer-type matching is
 * the oldest trick of factoid question answering (the TREC QA systems and DrQA's feature set both
 * pair the question word with the entity types a candidate holds): a "how many" question is not
 * answered by a sentence with no amount in it, and a "who" question not by one that names nobody
 * the question did not already name. Checked by hand-written scans, linear in the text.
 */
public enum AnswerKind {
    /** how many, how much, how long, what share: a number or an amount. */
    AMOUNT,
    /** when, what year, until what time: a date or a time. */
    TIME,
    /** who, which official, which company or country: a name. */
    NAME,
    /** where, which city: a place, written as a name. */
    PLACE,
    /** why, what happened, how: anything. */
    OTHER;

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "yesterday", "today", "tomorrow", "tonight", "midnight", "noon");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
            "billions", "trillion", "dozen", "dozens", "twice", "half", "double", "triple", "quarter", "third", "none");
    private static final Set<String> AMOUNT_AFTER_HOW = Set.of("many", "much", "long", "far", "old", "big", "large",
            "often", "hot", "cold", "high", "tall", "deep", "fast", "heavy", "wide", "severe", "likely");
    private static final Set<String> AMOUNT_AFTER_WHAT = Set.of("share", "percentage", "percent", "proportion", "price",
            "cost", "amount", "number", "odds", "score", "rate", "size", "value", "sum", "figure", "total", "margin", "fraction");
    private static final Set<String> TIME_AFTER_WHAT = Set.of("year", "date", "day", "time", "month", "decade", "century",
            "hour", "season", "week");
    private static final Set<String> PLACE_NOUNS = Set.of("city", "cities", "town", "towns", "country", "countries",
            "place", "places", "state", "states", "region", "province", "capital", "venue", "stadium", "island", "continent");
    /** Capitalised words that are not names: openers and calendar words. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "it", "its",
            "he", "she", "they", "we", "i", "his", "her", "their", "our", "in", "on", "at", "of", "for", "and", "but", "or",
            "as", "after", "before", "when", "while", "if", "there", "here", "according", "however", "also", "so", "by",
            "with", "from", "to", "mr", "mrs", "ms", "dr", "some", "many", "most", "all", "one", "two", "no", "not", "what",
            "who", "which", "where", "why", "how", "last", "next", "new", "former", "other", "both", "each", "such");

    private static final Set<String> COPULA = Set.of("is", "was", "are", "were", "will", "s");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> PHRASE_ENDS = Set.of("of", "for", "in", "at", "on", "to", "from", "by", "with", "that",
            "when", "is", "was", "will", "did", "does", "do", "has", "have", "had", "be");

    /** What the question asks for, from its question word and the noun after it. */
    public static AnswerKind of(String question) {
        String[] w = words(question.toLowerCase(Locale.ROOT));
        for (int i = 0; i < w.length; i++) {
            String next = i + 1 < w.length ? w[i + 1] : "";
            String after = i + 2 < w.length ? w[i + 2] : "";
            switch (w[i]) {
                case "how":
                    if (AMOUNT_AFTER_HOW.contains(next)) {
                        return AMOUNT;
                    }
                    break;
                case "when":
                    // "What was the deal worth when Kmart bought Sears?": a "when" inside the question
                    // opens a clause; only the question's own first word asks for a time.
                    if (i == 0) {
                        return TIME;
                    }
                    break;
                case "until":
                    if (next.equals("when") || next.equals("what")) {
                        return TIME;
                    }
                    break;
                case "who": case "whom": case "whose":
                    return NAME;
                case "where":
                    return PLACE;
                case "what": case "which":
                    if (AMOUNT_AFTER_WHAT.contains(next) || AMOUNT_AFTER_WHAT.contains(after)
                            || i == 0 && verbAsksAmount(w)) {
                        return AMOUNT;
                    }
                    if (TIME_AFTER_WHAT.contains(next) || TIME_AFTER_WHAT.contains(headNoun(w, i + 1))) {
                        return TIME;
                    }
                    if (PLACE_NOUNS.contains(next) || PLACE_NOUNS.contains(after)) {
                        return PLACE;
                    }
                    if (w[i].equals("which") && !next.isEmpty()) {
                        return NAME; // which studio, which minister, which operating systems
                    }
                    break;
                default:
                    break;
            }
        }
        return OTHER;
    }

    /**
     * The head of the noun phrase a "what is the ..." question asks for: its last word before a
     * preposition or a verb ("What is the premiere date of ..." asks for a date), skipping the
     * copula and article first. Empty when the question does not read that way.
     */
    private static String headNoun(String[] w, int from) {
        int i = from;
        if (i < w.length && COPULA.contains(w[i])) {
            i++;
        } else {
            return "";
        }
        if (i < w.length && ARTICLES.contains(w[i])) {
            i++;
        }
        String head = "";
        for (int k = 0; k < 3 && i < w.length && !PHRASE_ENDS.contains(w[i]); k++, i++) {
            head = w[i];
        }
        return i < w.length && !PHRASE_ENDS.contains(w[i]) ? "" : head;
    }

    /** Question words that make an amount a sum of money: "what does it cost", "how much was paid". */
    private static final Set<String> MONEY_WORDS = Set.of("cost", "costs", "costing", "price", "priced", "pay", "pays",
            "paid", "paying", "spend", "spends", "spent", "spending", "worth", "revenue", "revenues", "budget", "salary",
            "fee", "fees", "fund", "funds", "funding", "invest", "invested", "investment", "earn", "earns", "earned",
            "earnings", "profit", "profits", "fine", "fined", "bid", "charge", "charges", "charged");
    private static final Set<String> CURRENCY_WORDS = Set.of("dollar", "dollars", "euro", "euros", "pound", "pounds",
            "sterling", "yen", "yuan", "renminbi", "rupee", "rupees", "peso", "pesos", "franc", "francs", "real", "reais",
            "rand", "won", "ruble", "rubles", "roubles", "krona", "kronor", "krone", "usd", "eur", "gbp", "cents", "bn");

    /**
     * Whether an amount question asks for a sum of money (TREC's MONEY type): then a sentence with
     * a number but no currency ("13,100 kg into orbit") does not answer "what does it cost".
     */
    public boolean asksMoney(String question) {
        String[] w = words(question.toLowerCase(Locale.ROOT));
        // "What does it cost", "What was Tesla's revenue": a what-question whose head is money asks for an amount too.
        boolean whatHead = this == OTHER && w.length > 0 && w[0].equals("what");
        if (this != AMOUNT && !whatHead) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (MONEY_WORDS.contains(w[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sentence names a sum of money: a currency sign or a currency word. */
    public static boolean holdsMoney(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5' || c == '\u20b9') {
                return true;
            }
        }
        for (String w : words(sentence.toLowerCase(Locale.ROOT))) {
            if (CURRENCY_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Verbs whose object is a number: "What did New Zealand score?", "What does the probe weigh?". */
    private static final Set<String> AMOUNT_VERBS = Set.of("score", "scored", "scores", "weigh", "weighs", "weighed",
            "measure", "measures", "measured");

    /** Words after which "score" or "weigh" is a noun, not the question's verb. */
    private static final Set<String> NOUN_MARKERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our", "my",
            "your", "this", "that", "whose", "final", "first", "last");

    private static boolean verbAsksAmount(String[] w) {
        if (w.length < 3 || !(w[1].equals("did") || w[1].equals("does") || w[1].equals("do") || w[1].equals("will"))) {
            return false;
        }
        for (int i = 3; i < w.length; i++) {
            // After "his", "the", "a" the word is a noun ("what did he say about his score"), not the verb.
            if (AMOUNT_VERBS.contains(w[i]) && !NOUN_MARKERS.contains(w[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the kind constrains what an answering sentence must hold. */
    public boolean typed() {
        return this != OTHER;
    }

    /**
     * Whether the sentence holds an answer of this kind that the question does not already give:
     * "Gusenbauer leads the SPOE since 1999" does not tell a question about 1999 a new number.
     */
    public boolean foundIn(String sentence, String question) {
        if (this == OTHER) {
            return true;
        }
        Set<String> asked = new HashSet<>();
        for (String t : words(question.toLowerCase(Locale.ROOT))) {
            asked.add(t);
        }
        String[] raw = words(sentence);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            String l = t.toLowerCase(Locale.ROOT);
            if (asked.contains(l)) {
                continue;
            }
            boolean digit = Character.isDigit(t.charAt(0));
            switch (this) {
                case AMOUNT -> {
                    // Dates and clock times are numbers but not amounts: "at 6:02 a.m." costs nothing.
                    boolean dateNumber = digit && (isYear(t) || t.indexOf(':') > 0 || (i + 1 < raw.length && isClockWord(raw[i + 1]))
                            || (i > 0 && MONTHS.contains(raw[i - 1].toLowerCase(Locale.ROOT)))
                            || (i + 1 < raw.length && MONTHS.contains(raw[i + 1].toLowerCase(Locale.ROOT))));
                    if ((digit && !dateNumber) || NUMBER_WORDS.contains(l)) {
                        return true;
                    }
                }
                case TIME -> {
                    if ((digit && (isYear(t) || t.indexOf(':') > 0 || l.endsWith("pm") || l.endsWith("am")))
                            || MONTHS.contains(l) || DAYS.contains(l)
                            || (digit && i + 1 < raw.length && isClockWord(raw[i + 1]))) {
                        return true;
                    }
                }
                case NAME, PLACE -> {
                    if (isName(raw, i)) {
                        return true;
                    }
                }
                default -> {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the sentence gives a calendar date in full: a month with a day and a year
     * ("March 3, 2017", "3 March 2017", "19th October 2021"). "When was it released?" is best
     * answered by the day, not by "a 2017 game".
     */
    public static boolean holdsFullDate(String sentence) {
        String[] raw = words(sentence);
        for (int i = 0; i < raw.length; i++) {
            if (!MONTHS.contains(raw[i].toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean dayBefore = i > 0 && isDay(raw[i - 1]);
            boolean dayAfter = i + 1 < raw.length && isDay(raw[i + 1]);
            int yearAt = dayAfter ? i + 2 : i + 1;
            if ((dayBefore || dayAfter) && yearAt < raw.length && isYear(raw[yearAt])) {
                return true;
            }
        }
        return false;
    }

    /** "3", "19th", "1st": a day of the month. */
    private static boolean isDay(String t) {
        int d = 0;
        while (d < t.length() && Character.isDigit(t.charAt(d))) {
            d++;
        }
        if (d == 0 || d > 2) {
            return false;
        }
        String rest = t.substring(d).toLowerCase(Locale.ROOT);
        int v = Integer.parseInt(t.substring(0, d));
        return v >= 1 && v <= 31 && (rest.isEmpty() || rest.equals("st") || rest.equals("nd") || rest.equals("rd") || rest.equals("th"));
    }

    private static boolean isClockWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("pm") || l.equals("am") || l.equals("p.m") || l.equals("a.m") || l.equals("gmt") || l.equals("utc");
    }

    /** A capitalised word that is not an opener, a calendar word or the first word of a sentence standing alone. */
    private static boolean isName(String[] raw, int i) {
        String t = raw[i];
        if (!Character.isUpperCase(t.codePointAt(0))) {
            return false;
        }
        String l = t.toLowerCase(Locale.ROOT);
        if (NOT_NAMES.contains(l) || MONTHS.contains(l) || DAYS.contains(l)) {
            return false;
        }
        // The first word is capitalised anyway: a name only when the next word is one too ("Zdravko Micevic").
        return i > 0 || (raw.length > 1 && Character.isUpperCase(raw[1].codePointAt(0)));
    }

    private static boolean isYear(String t) {
        if (t.length() < 4) {
            return false;
        }
        String d = t.substring(0, 4);
        if (!d.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int y = Integer.parseInt(d);
        return y >= 1800 && y <= 2100 && (t.length() == 4 || !Character.isDigit(t.charAt(4)));
    }

    /** Words: runs of letters, digits and the marks inside numbers and times ("44.7", "9:30", "35,000", "9pm"). */
    static String[] words(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if ((c == '.' || c == ',' || c == ':') && i > start && i + 1 < n
                        && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }
}
