package dev.footnote.verify;

import dev.footnote.text.Terms;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a sentence names one of its article's declared sources (the items of its Sources
 * section, the hosts of its links). Keys are read from the sources once per article and kept in a
 * one-entry cache: ingest classifies an article's sentences one after another.
 */
final class DeclaredSources {

    /** A key read from the sources' words ("Reuters" in "Reuters, 3 May 2024"). */
    private record Keys(List<String> of, Set<String> words, Set<String> hosts) {
    }

    private final Lexicon lex;
    private volatile Keys cache = new Keys(null, Set.of(), Set.of());

    DeclaredSources(Lexicon lex) {
        this.lex = lex;
    }

    boolean mentioned(SentenceTokens t, ClaimContext ctx) {
        Keys keys = keys(ctx);
        if (keys.words.isEmpty() && keys.hosts.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.size; i++) {
            String w = t.text[i];
            if (t.type[i] == SentenceTokens.WORD && keys.words.contains(w)) {
                return true;
            }
            // A linked site is a source where the sentence cites it ("writing in the Lancet" for
            // thelancet.com, "Reuters reported"), not wherever it is mentioned: an article that links
            // a company's press release is not sourced each time it names the company.
            if (t.type[i] == SentenceTokens.WORD && (keys.hosts.contains(w) || t.cap[i] && w.length() >= 4 && hostContains(keys.hosts, w))
                    && citedAt(t, i)) {
                return true;
            }
            // "the report", "this study": a definite reference to one of the declared sources.
            if (lex.reportNouns.contains(w) && i > 0 && (t.is(i - 1, "the") || t.is(i - 1, "this") || t.is(i - 1, "that"))) {
                return true;
            }
        }
        return false;
    }

    /** The word (lower case) is one of the article's declared sources: a word of a Sources item or a linked site's name. */
    boolean names(String word, ClaimContext ctx) {
        if (ctx.declaredSources().isEmpty() || word.length() < 3) {
            return false;
        }
        Keys keys = keys(ctx);
        return keys.words.contains(word) || keys.hosts.contains(word) || word.length() >= 4 && hostContains(keys.hosts, word);
    }

    private static boolean hostContains(Set<String> hosts, String w) {
        for (String h : hosts) {
            if (h.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The name at i is cited: after "according to", "in", "by", "from", "per" (and "the"), or before a speech verb or a document. */
    private boolean citedAt(SentenceTokens t, int i) {
        int b = t.is(i - 1, "the") ? i - 2 : i - 1;
        if (b >= 0 && (CITING.contains(t.text[b]) || t.is(b, "to") && t.is(b - 1, "according"))) {
            return true;
        }
        int a = i + 1;
        if (t.is(a, "'") && t.is(a + 1, "s") || t.is(a, "s")) {
            a += t.is(a, "s") ? 1 : 2;
        }
        return a < t.size && (lex.speechVerbs.contains(t.text[a]) || lex.reportNouns.contains(t.text[a]));
    }

    private static final Set<String> CITING = Set.of("in", "by", "from", "per", "via", "told");

    private Keys keys(ClaimContext ctx) {
        Keys cached = cache;
        // Ingest builds a context per sentence: compare by value so that an article's sources are read once.
        if (cached.of == ctx.declaredSources() || ctx.declaredSources().equals(cached.of)) {
            return cached;
        }
        Set<String> words = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (String src : ctx.declaredSources()) {
            if (src == null) {
                continue;
            }
            String s = src.strip();
            int scheme = s.indexOf("://");
            if (scheme >= 0 || s.startsWith("www.")) {
                String host = s.substring(scheme >= 0 ? scheme + 3 : 0);
                int slash = host.indexOf('/');
                if (slash >= 0) {
                    host = host.substring(0, slash);
                }
                String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
                for (int i = 0; i < labels.length - 1; i++) {
                    if (labels[i].length() >= 3 && !labels[i].equals("www") && !labels[i].equals("com")) {
                        hosts.add(labels[i]);
                    }
                }
                continue;
            }
            SentenceTokens st = SentenceTokens.of(s);
            for (int i = 0; i < st.size; i++) {
                if (st.type[i] == SentenceTokens.WORD && st.cap[i] && st.text[i].length() >= 3
                        && !Terms.isStopWord(st.text[i]) && !lex.reportNouns.contains(st.text[i])) {
                    words.add(st.text[i]);
                }
            }
        }
        Keys k = new Keys(ctx.declaredSources(), Set.copyOf(words), Set.copyOf(hosts));
        cache = k;
        return k;
    }
}
