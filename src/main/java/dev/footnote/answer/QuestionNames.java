package dev.footnote.answer;

import dev.footnote.text.NumberWords;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a question asks about ("the State Department", "Mosul"), each as the stems of its run
 * of capitalised words, so that "New Zealand" is one name and not two. A passage that names none of
 * them is about something else; one that names all but one of several may still answer, because a
 * name is often written another way in the article ("Americans" for "U.S. citizens", "the Pentagon"
 * for "the Defense Science Board").
 */
record QuestionNames(List<Set<String>> names, List<String> numbers) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Punctuation that ends a name: not a hyphen ("Spider-Man") nor an apostrophe ("Grey's"). */
    private static final Pattern BREAK = Pattern.compile("[:;,()\\[\\]\"\u201c\u201d!?/]");
    private static final Set<String> CONNECTORS = Set.of("of", "the");

    QuestionNames {
        names = List.copyOf(names);
        numbers = List.copyOf(numbers);
    }

    /**
     * Runs of capitalised words other than the first word of the question. A run goes on across
     * "of" and "the" when a capitalised word follows ("Breath of the Wild", "Bank of America"),
     * as the capitalisation heuristics of rule-based name finders do, and stops at punctuation
     * other than a hyphen or an apostrophe, so that a title and its subtitle ("The Legend of Zelda:
     * Breath of the Wild") are two names, either of which an article may use alone.
     */
    static QuestionNames of(String question, Terms terms) {
        List<Set<String>> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        String text = question.strip();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            words.add(m.group());
            breakBefore.add(BREAK.matcher(text.substring(last, m.start())).find());
            last = m.end();
        }
        // leadsToName[j]: word j is a name, or a connector from which connectors lead to one
        // with no punctuation between. Filled right to left, so the whole scan stays linear.
        boolean[] leadsToName = new boolean[words.size() + 1];
        for (int j = words.size() - 1; j >= 0; j--) {
            String w = words.get(j);
            leadsToName[j] = isName(w) || isConnector(w) && j + 1 < words.size() && !breakBefore.get(j + 1) && leadsToName[j + 1];
        }
        StringBuilder run = new StringBuilder();
        for (int i = 1; i <= words.size(); i++) {
            String w = i < words.size() ? words.get(i) : "";
            if (i < words.size() && breakBefore.get(i)) {
                flush(run, out, terms);
            }
            if (isName(w)) {
                run.append(run.length() > 0 ? " " : "").append(w);
            } else if (run.length() > 0 && isConnector(w) && leadsToName[i]) {
                run.append(' ').append(w);
            } else {
                flush(run, out, terms);
            }
        }
        return new QuestionNames(out, numbers(question));
    }

    private static boolean isConnector(String w) {
        return CONNECTORS.contains(w.toLowerCase(Locale.ROOT));
    }

    private static boolean isName(String w) {
        // Short all-capital words are mostly common nouns a passage may spell out ("TV", "CEO", "UN").
        boolean acronym = w.length() <= 3 && w.chars().allMatch(Character::isUpperCase);
        return !w.isEmpty() && !acronym && Character.isUpperCase(w.codePointAt(0)) && !Terms.isStopWord(Terms.fold(w));
    }

    private static void flush(StringBuilder run, List<Set<String>> out, Terms terms) {
        if (run.length() > 0) {
            Set<String> stems = Set.copyOf(terms.contentTerms(run.toString()));
            if (!stems.isEmpty()) {
                out.add(stems);
            }
            run.setLength(0);
        }
    }

    /** The numbers written in the question ("1.5", "2004", "3"), as they are written, except those glued to letters. */
    static List<String> numbers(String question) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = question.length();
        while (i < n) {
            if (!Character.isDigit(question.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isDigit(question.charAt(j))
                    || (question.charAt(j) == '.' || question.charAt(j) == ',') && j + 1 < n && Character.isDigit(question.charAt(j + 1)))) {
                j++;
            }
            // "Q3", "F1", "3D": a number run together with letters is part of a name, written many ways.
            boolean glued = i > 0 && Character.isLetter(question.charAt(i - 1)) || j < n && Character.isLetter(question.charAt(j));
            if (!glued) {
                out.add(question.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    /**
     * Whether every number of the question stands in the text as a number of its own ("1.5" is not
     * in "1.0" or "11.5"), or, for a whole number below 100, is spelled out ("Season 11" is in "the
     * eleventh season").
     */
    boolean numbersIn(String text) {
        for (String num : numbers) {
            if (!standsIn(text, num) && !(num.length() <= 2 && NumberWords.spelledIn(text, Integer.parseInt(num)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean standsIn(String text, String num) {
        for (int at = text.indexOf(num); at >= 0; at = text.indexOf(num, at + 1)) {
            int end = at + num.length();
            boolean before = at > 0 && (Character.isDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '.' && at > 1 && Character.isDigit(text.charAt(at - 2)));
            boolean after = end < text.length() && (Character.isDigit(text.charAt(end))
                    || (text.charAt(end) == '.' || text.charAt(end) == ',') && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    /** Every stem of every name: the keyword answerer (no embeddings) requires them all. */
    Set<String> stems() {
        return names.stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
    }

    /** Whether text with these content terms names what was asked: all names, or all but one of several. */
    boolean namedIn(Set<String> context) {
        int missing = 0;
        for (Set<String> n : names) {
            if (!context.containsAll(n)) {
                missing++;
            }
        }
        return missing == 0 || names.size() >= 2 && missing == 1;
    }
}
