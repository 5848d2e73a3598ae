package dev.footnote.verify;

import static dev.footnote.verify.Cue.ANY;
import static dev.footnote.verify.Cue.CAP;
import static dev.footnote.verify.Cue.GAP;
import static dev.footnote.verify.Cue.LIT;
import static dev.footnote.verify.Cue.NAME;
import static dev.footnote.verify.Cue.NUM;
import static dev.footnote.verify.Cue.PARTICIPLE;
import static dev.footnote.verify.Cue.PREFIX;
import static dev.footnote.verify.Cue.START;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cue lists, word lists and thresholds of the claim classifier, read from the resource
 * {@code verify/cues.txt}; that file documents its own format. Parsed once per JVM into an index
 * keyed by each pattern's first word, so matching a sentence costs a few hash look-ups per token.
 */
final class Cues {

    static final String RESOURCE = "/verify/cues.txt";

    private static final int MAX_GAP = 3;

    /** Receives each cue that matches a sentence, once, at its first match. */
    interface Sink {
        void hit(Cue cue, int from, int to);
    }

    final Map<String, String> settings = new HashMap<>();
    final Map<String, Set<String>> lists = new HashMap<>();
    final Map<String, CueGroup> groups = new LinkedHashMap<>();
    private final List<Cue> all = new ArrayList<>();
    private final Map<String, List<Cue>> byFirst = new HashMap<>();
    /** byFirst, frozen into arrays after parsing: the matcher's hot path. */
    private Map<String, Cue[]> firstIndex = Map.of();
    private Cue[] prefixArray = new Cue[0];
    private Cue[] startArray = new Cue[0];
    private Cue[] otherArray = new Cue[0];
    private final List<Cue> prefixFirst = new ArrayList<>();
    private final List<Cue> startFirst = new ArrayList<>();
    private final List<Cue> otherFirst = new ArrayList<>();
    /** Irregular past participles for {@code <pp>}, from [list participles]. */
    private Set<String> participles = Set.of();

    private static final class Holder {
        static final Cues DEFAULT = load(false);
    }

    private static final class SettingsHolder {
        static final Cues SETTINGS = load(true);
    }

    /** The full cue file, parsed once per JVM. */
    static Cues defaults() {
        return Holder.DEFAULT;
    }

    /** The [settings] and [list]s of the cue file without the patterns: what the support checker needs. */
    static Cues settingsOnly() {
        return SettingsHolder.SETTINGS;
    }

    private static Cues load(boolean settingsOnly) {
        try (InputStream in = Cues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The classifier's cue file " + RESOURCE + " is missing from the class path.");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), settingsOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static Cues parse(BufferedReader r) throws IOException {
        return parse(r, false);
    }

    static Cues parse(BufferedReader r, boolean settingsOnly) throws IOException {
        Cues c = new Cues();
        String section = null;
        String arg = null;
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            String s = line.strip();
            int hash = s.indexOf(" #");
            if (s.startsWith("#")) {
                continue;
            }
            if (hash >= 0) {
                s = s.substring(0, hash).strip();
            }
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("[") && s.endsWith("]")) {
                String[] h = words(s.substring(1, s.length() - 1), false);
                section = h[0];
                arg = h.length > 1 ? h[1] : null;
                if ((section.equals("cues") || section.equals("list")) && arg == null) {
                    throw new IllegalArgumentException("cues.txt line " + no + ": [" + section + "] needs a name");
                }
                if (section.equals("cues")) {
                    c.groups.computeIfAbsent(arg, CueGroup::new);
                }
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException("cues.txt line " + no + ": text before any [section]");
            }
            if (settingsOnly && section.equals("cues")) {
                continue;
            }
            switch (section) {
                case "settings" -> {
                    int eq = s.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("cues.txt line " + no + ": expected key = value");
                    }
                    c.settings.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
                }
                case "list" -> {
                    Set<String> set = c.lists.computeIfAbsent(arg, k -> new HashSet<>());
                    for (String w : words(s, true)) {
                        if (!w.isEmpty()) {
                            set.add(w.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                case "cues" -> c.addCue(c.groups.get(arg), s, no);
                default -> throw new IllegalArgumentException("cues.txt line " + no + ": unknown section [" + section + "]");
            }
        }
        for (CueGroup g : c.groups.values()) {
            g.kind = c.settings.getOrDefault(g.name + ".kind", g.name);
            g.weight = Double.parseDouble(c.settings.getOrDefault(g.name + ".weight", "1.0"));
            g.reason = c.settings.getOrDefault(g.name + ".reason", "Uses \"{cue}\" without a source.");
        }
        // A cue's weight defaults to its group's, which [settings] may give after the cues: resolve now.
        List<Cue> parsed = new ArrayList<>(c.all);
        c.all.clear();
        for (CueGroup g : c.groups.values()) {
            g.cues.clear();
        }
        for (Cue q : parsed) {
            double w = Double.isNaN(q.weight) ? q.group.weight : q.weight;
            Cue f = new Cue(c.all.size(), q.source, q.group, w, q.kinds, q.alts, q.capFrom, q.capTo);
            q.group.cues.add(f);
            c.index(f);
        }
        c.participles = c.lists.getOrDefault("participles", Set.of());
        c.freeze();
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addCue(CueGroup g, String s, int no) {
        double weight = Double.NaN;
        int eq = s.lastIndexOf('=');
        if (eq >= 0) {
            weight = Double.parseDouble(s.substring(eq + 1).strip());
            s = s.substring(0, eq).strip();
        }
        String[] parts = words(s, false);
        List<Byte> kinds = new ArrayList<>();
        List<Set<String>> alts = new ArrayList<>();
        int capFrom = -1;
        int capTo = -1;
        for (String p : parts) {
            if (p.startsWith("{")) {
                capFrom = kinds.size();
                p = p.substring(1);
            }
            boolean close = false;
            if (p.endsWith("}") && p.length() > 1 || p.equals("}")) {
                close = true;
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty()) {
                switch (p) {
                    case "<num>" -> add(kinds, alts, NUM, null);
                    case "<any>" -> add(kinds, alts, ANY, null);
                    case "<gap>" -> add(kinds, alts, GAP, null);
                    case "<start>" -> add(kinds, alts, START, null);
                    case "<name>" -> add(kinds, alts, NAME, null);
                    case "<cap>" -> add(kinds, alts, CAP, null);
                    case "<pp>" -> add(kinds, alts, PARTICIPLE, null);
                    default -> {
                        if (p.startsWith("<")) {
                            throw new IllegalArgumentException("cues.txt line " + no + ": unknown element " + p);
                        }
                        if (p.length() > 1 && p.endsWith("*")) {
                            add(kinds, alts, PREFIX, Set.of(p.substring(0, p.length() - 1).toLowerCase(Locale.ROOT)));
                        } else {
                            Set<String> a = new HashSet<>();
                            for (String x : p.split("\\|")) {
                                if (!x.isEmpty()) {
                                    a.add(x.toLowerCase(Locale.ROOT));
                                }
                            }
                            add(kinds, alts, LIT, a);
                        }
                    }
                }
            }
            if (close) {
                capTo = kinds.size();
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("cues.txt line " + no + ": empty pattern");
        }
        byte[] k = new byte[kinds.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds.get(i);
        }
        if (capFrom < 0) {
            capFrom = 0;
        }
        if (capTo < 0) {
            capTo = k.length;
        }
        Cue q = new Cue(-1, s, g, weight, k, alts.toArray(new Set[0]), capFrom, capTo);
        g.cues.add(q);
        all.add(q);
    }

    /** Splits on white space (and on '|' when asked) without regular expressions: this runs at start-up. */
    private static String[] words(String s, boolean bars) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(s.charAt(i)) || bars && s.charAt(i) == '|')) {
                i++;
            }
            int b = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && !(bars && s.charAt(i) == '|')) {
                i++;
            }
            if (i > b) {
                out.add(s.substring(b, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static void add(List<Byte> kinds, List<Set<String>> alts, byte kind, Set<String> a) {
        kinds.add(kind);
        alts.add(a);
    }

    private void index(Cue q) {
        all.add(q);
        switch (q.kinds[0]) {
            case LIT -> {
                for (String a : q.alts[0]) {
                    byFirst.computeIfAbsent(a, k -> new ArrayList<>()).add(q);
                }
            }
            case PREFIX -> prefixFirst.add(q);
            case START -> startFirst.add(q);
            default -> otherFirst.add(q);
        }
    }

    private void freeze() {
        Map<String, Cue[]> idx = new HashMap<>(byFirst.size() * 2);
        byFirst.forEach((k, v) -> idx.put(k, v.toArray(new Cue[0])));
        firstIndex = idx;
        prefixArray = prefixFirst.toArray(new Cue[0]);
        startArray = startFirst.toArray(new Cue[0]);
        otherArray = otherFirst.toArray(new Cue[0]);
    }

    /** A past participle: a word of four letters or more ending in "ed", or one of [list participles]. */
    private boolean isParticiple(SentenceTokens t, int i) {
        if (t.type[i] != SentenceTokens.WORD) {
            return false;
        }
        String w = t.text[i];
        return w.length() >= 4 && w.endsWith("ed") || participles.contains(w);
    }

    int size() {
        return all.size();
    }

    String setting(String key, String def) {
        return settings.getOrDefault(key, def);
    }

    double number(String key, double def) {
        String v = settings.get(key);
        return v == null ? def : Double.parseDouble(v);
    }

    Set<String> list(String name) {
        Set<String> s = lists.get(name);
        if (s == null) {
            throw new IllegalStateException("cues.txt has no [list " + name + "]");
        }
        return s;
    }

    /** Reports every cue that matches {@code t}, each once at its first match. */
    void match(SentenceTokens t, Sink sink) {
        boolean[] seen = new boolean[all.size()];
        int[] pos = new int[16];
        int first = t.firstWord();
        for (Cue q : startArray) {
            pos = tryAt(q, t, first, first, pos, seen, sink);
        }
        Cue[] prefix = prefixArray;
        Cue[] other = otherArray;
        for (int i = 0; i < t.size; i++) {
            Cue[] cands = firstIndex.get(t.text[i]);
            if (cands != null) {
                for (Cue q : cands) {
                    pos = tryAt(q, t, i, first, pos, seen, sink);
                }
            }
            for (int k = 0; k < prefix.length; k++) {
                pos = tryAt(prefix[k], t, i, first, pos, seen, sink);
            }
            for (int k = 0; k < other.length; k++) {
                pos = tryAt(other[k], t, i, first, pos, seen, sink);
            }
        }
    }

    private int[] tryAt(Cue q, SentenceTokens t, int i, int first, int[] pos, boolean[] seen, Sink sink) {
        if (seen[q.id]) {
            return pos;
        }
        if (pos.length < q.kinds.length + 1) {
            pos = new int[q.kinds.length + 1];
        }
        int end = m(q, 0, t, i, first, pos);
        if (end >= 0) {
            seen[q.id] = true;
            int from = pos[q.capFrom];
            int to = q.capTo >= q.kinds.length ? end : pos[q.capTo];
            if (to <= from) {
                from = pos[0];
                to = end;
            }
            sink.hit(q, from, to);
        }
        return pos;
    }

    /** Matches elements [e..] of q at token i; returns the end token index or -1. */
    private int m(Cue q, int e, SentenceTokens t, int i, int first, int[] pos) {
        if (e == q.kinds.length) {
            return i;
        }
        pos[e] = i;
        switch (q.kinds[e]) {
            case START:
                return i == first ? m(q, e + 1, t, i, first, pos) : -1;
            case GAP:
                for (int g = 0; g <= MAX_GAP; g++) {
                    if (g > 0 && (i + g - 1 >= t.size || t.type[i + g - 1] == SentenceTokens.PUNCT)) {
                        return -1;
                    }
                    int r = m(q, e + 1, t, i + g, first, pos);
                    if (r >= 0) {
                        pos[e] = i;
                        return r;
                    }
                }
                return -1;
            default:
                break;
        }
        if (i >= t.size) {
            return -1;
        }
        boolean ok;
        switch (q.kinds[e]) {
            case LIT:
                // A capitalised word inside the sentence is (part of) a name: "May 16" is a month,
                // "Great Britain" a country, "Best Of" a title, none of them the cue they spell.
                ok = q.alts[e].contains(t.text[i]) && !t.capitalisedInside(i);
                break;
            case PREFIX:
                ok = t.type[i] == SentenceTokens.WORD && t.text[i].startsWith(q.prefix[e]) && !t.capitalisedInside(i);
                break;
            case NUM:
                ok = t.type[i] == SentenceTokens.NUM;
                break;
            case ANY:
                ok = t.type[i] != SentenceTokens.PUNCT;
                break;
            case NAME:
                ok = t.type[i] == SentenceTokens.WORD && t.cap[i] && i != first;
                break;
            case CAP:
                ok = t.type[i] == SentenceTokens.WORD && t.cap[i];
                break;
            case PARTICIPLE:
                ok = isParticiple(t, i);
                break;
            default:
                ok = false;
        }
        return ok ? m(q, e + 1, t, i + 1, first, pos) : -1;
    }
}
