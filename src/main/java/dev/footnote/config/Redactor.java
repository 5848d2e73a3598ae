package dev.footnote.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks the process's secrets out of text that came from outside: a model server can echo the
 * Authorization header it was sent, or a key it saw anywhere, and that text would otherwise be
 * shown, stored and posted to Discord. Built once from the secret values; it removes each value
 * whole, any run of {@value #FRAGMENT} or more of its characters (a key cut short or with its end
 * masked), and the value after "Bearer" or an API-key header name whatever it is.
 * Every pass is linear in the text.
 */
public final class Redactor {

    public static final String MARK = "[redacted]";

    /** A shorter fragment of a key could be ordinary text; no real key or token is this short. */
    static final int FRAGMENT = 12;
    /**
     * Shorter values are placeholders that local servers' docs suggest ("none", "EMPTY", "ollama"),
     * not keys, and blanking them would garble every answer that uses the word.
     */
    static final int MIN_SECRET = 8;

    /**
     * A credential after the words that introduce one in headers and logs. Possessive throughout so
     * that long runs of spaces or token characters are read once.
     */
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)\\b(?:bearer|basic|authorization|proxy-authorization|x-api-key|x-goog-api-key|api[-_]?key|access[-_]?token)"
                    + "[\"']?+\\s*+[:=]?+\\s*+[\"']?+(?:(?:bearer|basic)\\s++)?+([A-Za-z0-9._~+/=-]{8,}+)");

    private final List<String> whole;
    private final Map<Integer, Set<String>> fragments = new HashMap<>();

    public Redactor(Collection<String> secrets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.strip().length() >= MIN_SECRET) {
                distinct.add(s.strip());
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.whole = List.copyOf(sorted);
        for (String s : whole) {
            int w = Math.min(FRAGMENT, s.length());
            Set<String> set = fragments.computeIfAbsent(w, k -> new HashSet<>());
            for (int i = 0; i + w <= s.length(); i++) {
                set.add(s.substring(i, i + w));
            }
        }
    }

    /** No secrets to hide (tests, and runs with no keys): only labelled credentials are removed. */
    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** This redactor and one more secret (null adds nothing). */
    public Redactor including(String secret) {
        if (secret == null || whole.contains(secret.strip())) {
            return this;
        }
        List<String> more = new ArrayList<>(whole);
        more.add(secret);
        return new Redactor(more);
    }

    /** How many secret values this redactor hides (for tests; the values are never shown). */
    public int size() {
        return whole.size();
    }

    /** The text with every secret, fragment of one and labelled credential replaced by {@link #MARK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return labelled(secrets(text));
    }

    private String secrets(String text) {
        if (whole.isEmpty()) {
            return text;
        }
        boolean[] hide = new boolean[text.length()];
        boolean any = false;
        for (Map.Entry<Integer, Set<String>> e : fragments.entrySet()) {
            int w = e.getKey();
            Set<String> set = e.getValue();
            for (int i = 0; i + w <= text.length(); i++) {
                if (set.contains(text.substring(i, i + w))) {
                    java.util.Arrays.fill(hide, i, i + w, true);
                    any = true;
                }
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            if (!hide[i]) {
                b.append(text.charAt(i++));
                continue;
            }
            while (i < text.length() && hide[i]) {
                i++;
            }
            b.append(MARK);
        }
        return b.toString();
    }

    /** "Bearer sk-..." and "x-api-key: ...": a value with a digit in it is a credential, "bearer bonds" is not. */
    private static String labelled(String text) {
        Matcher m = LABELLED.matcher(text);
        StringBuilder b = null;
        int last = 0;
        while (m.find()) {
            String token = m.group(1);
            if (token.chars().noneMatch(Character::isDigit)) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length());
            }
            b.append(text, last, m.start(1)).append(MARK);
            last = m.end(1);
        }
        return b == null ? text : b.append(text, last, text.length()).toString();
    }

    @Override
    public String toString() {
        return "Redactor[" + whole.size() + " secrets, values hidden]";
    }
}
