package dev.footnote.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's and SnakeYAML's exceptions into one line a person can act on: the file, the line,
 * the key and what the value should be. Their own messages name Java classes and parser tokens
 * ("from Array value (token `JsonToken.START_ARRAY`)") and lose the line, which is what someone
 * editing a YAML file needs first.
 */
final class ConfigErrors {

    /** Values longer than this are not quoted back: a long token-like value may be a pasted key. */
    private static final int MAX_QUOTED = 24;

    private ConfigErrors() {
    }

    static String describe(String file, JsonProcessingException e) {
        MarkedYAMLException yaml = find(e, MarkedYAMLException.class);
        if (yaml != null) {
            return syntax(file, yaml);
        }
        if (e instanceof JsonMappingException m) {
            String key = path(m);
            String at = file + line(e.getLocation()) + ": ";
            if (e instanceof InvalidFormatException f) {
                return at + key + " must be " + expected(f.getTargetType()) + ", not " + quote(f.getValue()) + ".";
            }
            if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                return at + (key.isEmpty() ? "the file" : key) + " must be " + expected(mi.getTargetType())
                        + ", not " + found(mi) + ".";
            }
        }
        return file + line(e.getLocation()) + ": not valid YAML: " + firstLine(e.getOriginalMessage()) + ".";
    }

    /** "retrieval.k", "llm.stop[2]". */
    static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " line " + loc.getLineNr();
    }

    /**
     * The line of an unknown key. Jackson reports where it stopped reading, which is past the key's
     * value (the next line, or the end of the file), so look back from there for the key itself.
     */
    static String keyLine(String text, JsonLocation loc, String key) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(loc.getLineNr(), lines.length) - 1; i >= 0; i--) {
            String l = lines[i].stripLeading();
            if (l.startsWith(key + ":") || l.startsWith("\"" + key + "\":") || l.startsWith("'" + key + "':")) {
                return " line " + (i + 1);
            }
        }
        return line(loc);
    }

    /**
     * The line where a dotted key ("discord.rate-limit.user-per-minute") is written, or "" when the
     * file does not write it (a default broke the rule). Each part must sit deeper than the one before.
     */
    static String lineOf(String text, String dottedKey) {
        String[] parts = dottedKey.split("\\.");
        String[] lines = text.split("\n", -1);
        int j = 0;
        int indent = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int lead = 0;
            while (lead < l.length() && l.charAt(lead) == ' ') {
                lead++;
            }
            if (lead <= indent && !l.isBlank() && !l.stripLeading().startsWith("#")) {
                return ""; // left the section without finding the key
            }
            if (l.startsWith(parts[j] + ":", lead) && lead > indent) {
                indent = lead;
                if (++j == parts.length) {
                    return " line " + (i + 1);
                }
            }
        }
        return "";
    }

    private static String syntax(String file, MarkedYAMLException y) {
        String context = y.getContext() == null ? "" : y.getContext();
        String problem = y.getProblem() == null ? "" : y.getProblem();
        // An unclosed quote is noticed only at the end of the file; the line to fix is where it opened.
        Mark mark = context.contains("quoted scalar") && y.getContextMark() != null ? y.getContextMark() : y.getProblemMark();
        String at = file + (mark == null ? "" : " line " + (mark.getLine() + 1)) + ": ";
        if (problem.contains("(TAB)")) {
            return at + "a tab where YAML needs spaces; indent with spaces only.";
        }
        if (context.contains("quoted scalar")) {
            return at + "a quoted value is not closed; add the closing quote.";
        }
        if (problem.contains("mapping values are not allowed")) {
            return at + "a ':' where a value was expected; put quotes around a value that contains ': '.";
        }
        if (problem.contains("could not find expected ':'")) {
            return at + "a line without 'key: value'; check the indentation and the ':' after each key.";
        }
        if (problem.contains("expected <block end>") || context.contains("block mapping")) {
            return at + "the indentation does not line up; keys of one section need the same number of spaces.";
        }
        return at + "not valid YAML (" + (problem.isEmpty() ? context : problem) + ").";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section of 'key: value' lines";
        }
        return "a " + type.getSimpleName();
    }

    /**
     * What was written instead. The parser has moved on by the time the exception is seen, so this is
     * read from Jackson's message, whose "from Array value" wording is stable across versions.
     */
    private static String found(MismatchedInputException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("from Array value")) {
            return "a list";
        }
        if (m.contains("from Object value")) {
            return "a section of keys";
        }
        if (m.contains("from Null value") || m.contains("no String-argument constructor/factory method to deserialize from String value ('')")) {
            return "empty";
        }
        int open = m.indexOf(" value (");
        int close = open < 0 ? -1 : m.indexOf(')', open);
        if (close > 0 && close - open < 200) {
            return quote(m.substring(open + 8, close));
        }
        int q = m.indexOf("from String value ('");
        if (q >= 0) {
            int end = m.indexOf("')", q);
            if (end > 0) {
                return quote(m.substring(q + 20, end));
            }
        }
        return "this value";
    }

    /** The value as written, unless it could be a secret pasted in the wrong place. */
    static String quote(Object value) {
        String s = String.valueOf(value);
        boolean tokenLike = s.length() > MAX_QUOTED || (s.length() >= Redactor.MIN_SECRET && s.chars().anyMatch(Character::isDigit)
                && s.chars().anyMatch(Character::isLetter) && s.chars().noneMatch(Character::isWhitespace));
        return tokenLike ? "the value given" : "\"" + s + "\"";
    }

    private static <T> T find(Throwable t, Class<T> type) {
        for (int i = 0; t != null && i < 10; t = t.getCause(), i++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
