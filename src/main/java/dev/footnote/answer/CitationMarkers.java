package dev.footnote.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the citation markers an answer sentence carries: {@code [2]}, {@code [1][3]},
 * {@code [1, 3]} and ranges such as {@code [1-3]} or {@code [1–3]}. Markdown links
 * ({@code [text](url)}) and footnotes such as {@code [^1]} are not citations.
 */
public final class CitationMarkers {

    /**
     * One bracketed group of numbers, commas and ranges. Possessive throughout: nothing is given
     * back that could match otherwise, and a long list ("[1,1,1,...") no longer overflows the stack.
     */
    private static final Pattern MARKER = Pattern.compile(
            "\\[\\s*+(\\d{1,4}+(?:\\s*+(?:[-–—]|,)\\s*+\\d{1,4}+)*+)\\s*+\\](?!\\()");
    /** From the start of a run of spaces only, so a long run is read once, not once per space. */
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("(?<!\\s)\\s++([.,;:!?…])");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    /** A range wider than this is read as its two ends only, so "[1-9999]" cannot blow up. */
    private static final int MAX_RANGE = 50;

    private CitationMarkers() {
    }

    /** The citation numbers in order of first appearance, each once. */
    public static List<Integer> numbers(String sentence) {
        if (sentence == null || sentence.indexOf('[') < 0) {
            return List.of();
        }
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String p = part.strip();
                int dash = indexOfDash(p);
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                    continue;
                }
                int a = Integer.parseInt(p.substring(0, dash).strip());
                int b = Integer.parseInt(p.substring(dash + 1).strip());
                if (b >= a && b - a <= MAX_RANGE) {
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(a);
                    out.add(b);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The sentence without its citation markers, with the space they leave tidied. */
    public static String strip(String sentence) {
        if (sentence == null) {
            return "";
        }
        if (sentence.indexOf('[') < 0) {
            return sentence.strip();
        }
        String s = MARKER.matcher(sentence).replaceAll("");
        s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
        s = SPACES.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** True when the sentence has at least one citation marker. */
    public static boolean hasMarker(String sentence) {
        return sentence != null && sentence.indexOf('[') >= 0 && MARKER.matcher(sentence).find();
    }

    private static int indexOfDash(String p) {
        for (int i = 1; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '-' || c == '–' || c == '—') {
                return i;
            }
        }
        return -1;
    }
}
