package dev.footnote.props;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile text shapes, each about {@code size} characters: the inputs that make a backtracking
 * pattern or a rescanning loop go quadratic (or worse) while ordinary prose stays fast. Each shape
 * repeats one small unit, so the same unit at any size shows whether a scanner is linear.
 */
final class HostileShapes {

    private HostileShapes() {
    }

    static Map<String, String> all(int size) {
        Map<String, String> m = new LinkedHashMap<>();
        // long runs of one punctuation mark
        for (String mark : List.of("!", "?", ".", "…", "-", "*", "#", "|", "[", "]", "(", ")", "<", ">", "`", "_", "\"", ",", "@")) {
            m.put("run of " + mark, fill(mark, size));
        }
        // whitespace
        m.put("spaces", fill(" ", size));
        m.put("tabs", fill("\t", size));
        m.put("newlines", fill("\n", size));
        m.put("mixed whitespace", fill(" \t\n \r\n\u00A0\u2003", size));
        m.put("spaces between words", fill("a" + " ".repeat(3000), size));
        m.put("spaces then punctuation", fill(" ".repeat(5000) + ".", size));
        // unclosed brackets and fences
        m.put("one unclosed [", "[" + fill("a", size));
        m.put("unclosed [ per word", fill("[a ", size));
        m.put("unclosed ![ per word", fill("![a ", size));
        m.put("unclosed link targets", fill("[a](http://e.org/", size));
        m.put("unclosed link target, one line", "[a](https://e.org/" + fill("x", size));
        m.put("unclosed image target", fill("![a](b ", size));
        m.put("unclosed ( per word", fill("(a ", size));
        m.put("unclosed fences", fill("```x\n", size));
        m.put("one unclosed fence", "```\n" + fill("code line\n", size));
        m.put("one fence on a long line", "```" + fill("x", size));
        m.put("unclosed <think>", fill("<think>", size));
        m.put("one unclosed <think>", "<think>" + fill("reasoning ", size));
        m.put("unclosed <", fill("<a ", size));
        m.put("unclosed \"", fill("\"a ", size));
        m.put("unclosed citations", fill("[1, 2, 3 ", size));
        m.put("unclosed author-year", fill("(Smith and Jones, 2020 ", size));
        m.put("unclosed mention", fill("<@", size));
        // deep nesting
        m.put("nested [[[", fill("[[[[", size / 2) + fill("]]]]", size / 2));
        m.put("nested (((", fill("((((", size / 2) + fill("))))", size / 2));
        m.put("<div> x 100k", "<html><body>" + "<div>".repeat(100_000) + "text" + "</div>".repeat(100_000) + "</body></html>");
        m.put("<td> x 200k", "<html><body><table><tr>" + "<td>".repeat(200_000) + "x" + "</table></body></html>");
        m.put("<li><blockquote> nesting", "<html><body>" + fill("<li><blockquote><p>", size) + "</body></html>");
        m.put("<p> x 100k", "<html><body><article>" + fill("<p>A short paragraph here.</p>", size) + "</article></body></html>");
        // one huge line, huge words
        m.put("one huge word", fill("a", size));
        m.put("one huge url", "https://" + fill("a", size));
        m.put("url and closing parens", "https://e.org/" + fill(")", size));
        m.put("urls back to back", fill("http://", size));
        m.put("heading with many spaces", "# " + fill(" ", size) + "x");
        m.put("heading lines with spaces", fill("# a" + " ".repeat(3000) + "b\n", size));
        m.put("heading closers", "# a " + fill("# ", size) + "x");
        m.put("emphasis markers", fill("**a", size));
        m.put("underscores", fill("__a", size));
        // capitalised words, numbers
        m.put("capitalised words", fill("Alpha Beta ", size));
        m.put("capitalised words with dots", fill("Alpha. Beta ", size));
        m.put("initials", fill("J. ", size));
        m.put("abbreviations", fill("e.g. U.S. Dr. ", size));
        m.put("numbers", fill("123 ", size));
        m.put("thousands split", fill("1, 234, ", size));
        m.put("years", fill("2019 ", size));
        m.put("digits", fill("7", size));
        m.put("percentages", fill("12% ", size));
        m.put("money", fill("$4.5 million ", size));
        m.put("cue words", fill("experts say some many could be likely ", size));
        m.put("said names", fill("said Smith according to Reuters ", size));
        m.put("table rows", fill("| a | b |\n", size));
        m.put("list items", fill("- item\n", size));
        m.put("mentions", fill("@everyone <@123> <#4> @here ", size));
        m.put("front matter dashes", "---\n" + fill("---\n", size));
        // invisible and combining characters
        m.put("zero-width spaces", fill("\u200B", size));
        m.put("combining marks", fill("\u0301", size));
        m.put("e + combining marks", fill("e\u0301\u0308", size));
        m.put("RTL overrides", fill("\u202E\u202D", size));
        m.put("BOMs and joiners", fill("\uFEFF\u200D\u2060", size));
        m.put("surrogate pairs", fill("\uD83D\uDE00", size));
        m.put("lone surrogates", fill("\uD83D", size));
        m.put("control characters", fill("\u0000\u0001\u001F", size));
        m.put("mixed", mixed(size, new Random(12)));
        return m;
    }

    /** Repeats {@code unit} to about {@code size} characters. */
    static String fill(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    /** Short stretches of every hostile unit one after another, in a seeded order. */
    private static String mixed(int size, Random r) {
        List<String> units = new ArrayList<>(List.of("!", "?", "...", "…", "-", "*", "#", "|", "[", "![", "(", "<", "`",
                "```", "<think>", "\"", " ", "\t", "\n", "\n\n", "[[", "((", "<div>", "<td>", "Alpha ", "123 ", "2019 ",
                "\u200B", "\u0301", "\u202E", "http://", "](", "@everyone", "<@1>", "[1]", "[1, 2", "# ", "**", "e.g. "));
        StringBuilder b = new StringBuilder(size + 100);
        while (b.length() < size) {
            String u = units.get(r.nextInt(units.size()));
            b.append(u.repeat(1 + r.nextInt(r.nextInt(8) == 0 ? 2000 : 20)));
        }
        return b.toString();
    }
}
