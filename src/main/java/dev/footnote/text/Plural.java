package dev.footnote.text;

/** "1 passage", "2 passages": counts in messages agree with their nouns, in the CLI and in Discord alike. */
public final class Plural {

    private Plural() {
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** For the nouns that take an "s". */
    public static String of(long n, String one) {
        return of(n, one, one + "s");
    }
}
