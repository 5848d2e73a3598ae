package dev.footnote.llm;

import java.util.regex.Pattern;

/**
 * The tags that give a prompt its structure: {@code <passage>}, {@code <question>} and
 * {@code <history>}. Text from outside (passages, titles, the question, earlier turns, a sentence
 * of an answer) goes between them and is defused first, so that it can neither close its own
 * delimiter nor open another and pose as instructions or as a source.
 */
final class Delimiters {

    /** Any spelling a model might read as one of the tags: any case, spaces inside. Possessive, so linear. */
    private static final Pattern TAG = Pattern.compile("(?i)<\\s*+(/?+)\\s*+(passage|question|history)");

    private Delimiters() {
    }

    /** The text with every tag-like {@code <} turned into {@code ‹}: readable, but no longer a tag. */
    static String defuse(String text) {
        return text == null ? "" : TAG.matcher(text).replaceAll("‹$1$2");
    }

    /** The person's question, defused, between {@code <question>} tags. */
    static String question(String question) {
        return "<question>" + defuse(question).strip() + "</question>";
    }
}
