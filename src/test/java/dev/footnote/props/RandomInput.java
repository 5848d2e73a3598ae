package dev.footnote.props;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random input for property tests: prose made of words, Markdown fragments, hostile
 * characters and random code points. Each property runs over many generated inputs; a failure
 * names the seed and the input, so it can be replayed exactly.
 */
final class RandomInput {

    private static final String[] FRAGMENTS = {"Dr.", "U.S.", "41.3", "e.g.", "\"Quote.\"", "…", "?!", "---", "# ", "- ",
            "| a |", "```", "[1]", "[2, 3]", "[9-7]", "[x](http://e.org)", "@everyone", "@here", "<@123>", "<@&45>", "<#6>",
            "\u202E", "\u0000", "\r\n", "\n\n", "日本語。", "\t", "AND", "OR", "NOT", "NEAR(", "*", "\"", ":", "^", "(", ")",
            "<p>", "</div>", "<script>", "&amp;", "\uFEFF", "\uD83D\uDE00", "ـ", "١٢٣"};

    private final Random random;

    RandomInput(long seed) {
        random = new Random(seed);
    }

    /** Runs {@code property} on {@code tries} inputs; rethrows a failure with its seed and input. */
    static void forAll(long seed, int tries, java.util.function.Function<RandomInput, String> gen, Consumer<String> property) {
        RandomInput in = new RandomInput(seed);
        for (int i = 0; i < tries; i++) {
            String value = gen.apply(in);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed (seed " + seed + ", try " + i + ") on input: "
                        + value.substring(0, Math.min(400, value.length())).replace("\n", "\\n"), e);
            }
        }
    }

    String prose() {
        int words = random.nextInt(300);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            switch (random.nextInt(3)) {
                case 0 -> b.append(word());
                case 1 -> b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> b.append(codePoints(random.nextInt(6)));
            }
        }
        return b.toString();
    }

    String word() {
        int n = 1 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = (char) ('a' + random.nextInt(26));
            b.append(random.nextInt(8) == 0 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    String codePoints(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x2FFFF);
            } while (Character.isSurrogate((char) cp) && cp <= 0xFFFF);
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    byte[] bytes() {
        byte[] b = new byte[random.nextInt(2000)];
        random.nextBytes(b);
        return b;
    }

    String oneOf(String... options) {
        return options[random.nextInt(options.length)];
    }
}
