package dev.footnote.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The meaning check's thresholds and the added-fact word lists, read from {@code verify/support.txt}
 * (which documents each value). Kept apart from {@code cues.txt} so that the classifier's cue file
 * and the support check can change independently.
 *
 * @param supportedCosine  cosine above which a sentence of passage words says what the passage says
 * @param unsureCosine     cosine above which a rewording is unsure rather than unsupported
 * @param maxNewShare      largest share of new content words a sentence may have and be unsure
 * @param rewordedBelow    alignment score below which a sentence counts as reworded
 * @param cacheSize        passage sentence vectors kept between checks
 * @param negations        words that negate their clause
 * @param numberWords      number words and their values ("six" is "6")
 * @param model            the embedding model the cosines above were measured with
 */
record SupportSettings(double supportedCosine, double unsureCosine, double maxNewShare, double rewordedBelow,
                       int cacheSize, Set<String> negations, Map<String, String> numberWords, String model) {

    static final String RESOURCE = "/verify/support.txt";

    private static final class Holder {
        static final SupportSettings DEFAULT = load();
    }

    static SupportSettings defaults() {
        return Holder.DEFAULT;
    }

    private static SupportSettings load() {
        try (InputStream in = SupportSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the file format: one line at a time, so its cost is linear in the file. */
    static SupportSettings parse(BufferedReader r) throws IOException {
        Map<String, String> settings = new HashMap<>();
        Map<String, Set<String>> lists = new HashMap<>();
        String section = "";
        String line;
        while ((line = r.readLine()) != null) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("[") && s.endsWith("]")) {
                section = s.substring(1, s.length() - 1).strip();
                continue;
            }
            if (section.equals("settings")) {
                int eq = s.indexOf('=');
                if (eq > 0) {
                    settings.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
                }
            } else if (section.startsWith("list ")) {
                Set<String> words = lists.computeIfAbsent(section.substring(5).strip(), k -> new HashSet<>());
                for (String w : s.split("\\s+")) {
                    words.add(w);
                }
            }
        }
        Map<String, String> numbers = new HashMap<>();
        for (String w : lists.getOrDefault("number_words", Set.of())) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                numbers.put(w.substring(0, eq), w.substring(eq + 1));
            }
        }
        return new SupportSettings(number(settings, "meaning.supported", 0.85), number(settings, "meaning.unsure", 0.75),
                number(settings, "meaning.max_new_share", 0.3), number(settings, "meaning.reworded_below", 0.05),
                (int) number(settings, "meaning.cache", 4096), Set.copyOf(lists.getOrDefault("negations", Set.of())),
                Map.copyOf(numbers), settings.getOrDefault("meaning.model", "all-minilm-l6-v2"));
    }

    private static double number(Map<String, String> settings, String key, double def) {
        String v = settings.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + key + " is not a number: " + v, e);
        }
    }
}
