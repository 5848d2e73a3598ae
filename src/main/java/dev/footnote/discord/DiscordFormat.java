package dev.footnote.discord;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.footnote.answer.Answer;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Flag;
import dev.footnote.discord.MessageSplitter.Unit;
import dev.footnote.store.Json;
import dev.footnote.text.Mentions;
import java.util.ArrayList;
import java.util.List;

/**
 * How answers look in Discord: the prose with its {@code [n]} markers, a Sources list
 * ({@code [n] Title — <link>}), and the claim flags as a short warning block, split into messages
 * under Discord's limit with no source or flag ever cut in half. Every piece of text that came from an
 * article, a model or a member goes through {@link #safe} first.
 */
final class DiscordFormat {

    static final int TITLE_MAX = 200;
    static final int QUOTE_MAX = 1500;
    static final String SOURCES = "**Sources**";
    static final String WARNING = "⚠️ **Check before relying on this answer:**";

    private DiscordFormat() {
    }

    /** Mentions made inert and links kept from unfurling. */
    static String safe(String s) {
        return s == null ? "" : Links.noPreviews(Mentions.neutralise(s));
    }

    /** Text on one line, at most {@code max} characters, cut at a word. */
    static String oneLine(String s, int max) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** The question as a quote line heading the answer. */
    static String questionLine(String question) {
        return "> " + oneLine(safe(question), 300);
    }

    /** An answer as Discord messages: optional heading (mentions made inert too), prose, sources, flags. */
    static List<String> answer(String heading, Answer a) {
        List<Unit> units = new ArrayList<>();
        if (heading != null && !heading.isBlank()) {
            units.add(Unit.atomic(Mentions.neutralise(heading), "", null));
        }
        units.add(Unit.prose(safe(a.answer())));
        units.addAll(sourceLines(a.citations()));
        units.addAll(flagLines(a.flags()));
        return MessageSplitter.pack(units, MessageSplitter.LIMIT);
    }

    static List<Unit> sourceLines(List<Citation> citations) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            String line = sourceLine(citations.get(i));
            out.add(i == 0 ? Unit.atomic(SOURCES + "\n" + line, "\n\n", null)
                    : Unit.atomic(line, "\n", SOURCES + " (continued)"));
        }
        return out;
    }

    static String sourceLine(Citation c) {
        String link = Links.wrapped(c.url());
        return "[" + c.n() + "] " + oneLine(safe(c.title()), TITLE_MAX) + (link == null || link.length() > 600 ? "" : " — " + link);
    }

    static List<Unit> flagLines(List<Flag> flags) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            String line = "- " + where(f) + " — " + f.label() + ": " + oneLine(safe(f.reason()), 400);
            out.add(i == 0 ? Unit.atomic(WARNING + "\n" + line, "\n\n", null)
                    : Unit.atomic(line, "\n", WARNING + " (continued)"));
        }
        return out;
    }

    /** What a flag is about: "sentence 2", or "the answer" as a whole (sentence 0). */
    static String where(Flag f) {
        return f.sentence() > 0 ? "sentence " + f.sentence() : "the answer";
    }

    /** The passages behind an answer, each quoted under its source line (the Sources button). */
    static List<String> quotedSources(List<Citation> citations) {
        if (citations.isEmpty()) {
            return List.of("This answer cites no sources.");
        }
        List<Unit> units = new ArrayList<>();
        for (Citation c : citations) {
            String head = "**" + sourceLine(c) + "**\n> ";
            String foot = "\n-# passage `" + c.passageId() + "`";
            // the quote is shortened, never the entry cut: each entry fits in one message
            String quote = oneLine(safe(c.quote()), Math.min(QUOTE_MAX, MessageSplitter.LIMIT - head.length() - foot.length()));
            units.add(Unit.atomic(head + quote + foot, "\n\n", null));
        }
        return MessageSplitter.pack(units, MessageSplitter.LIMIT);
    }

    /** Citations as stored with an answer record. */
    static List<Citation> citations(String json) {
        return Json.fromJson(json, new TypeReference<List<Citation>>() { }, List.of());
    }

    /** Flags as stored with an answer record. */
    static List<Flag> flags(String json) {
        return Json.fromJson(json, new TypeReference<List<Flag>>() { }, List.of());
    }

    /** "0.4 s", "12 s". */
    static String seconds(long ms) {
        return ms < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
    }

    static String plural(long n, String one, String many) {
        return dev.footnote.text.Plural.of(n, one, many);
    }
}
