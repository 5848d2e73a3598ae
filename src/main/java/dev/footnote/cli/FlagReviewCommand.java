package dev.footnote.cli;

import dev.footnote.app.UserException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.footnote.answer.Flag;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.AnswerFeedback;
import dev.footnote.store.Json;
import dev.footnote.store.Since;
import dev.footnote.store.Storage;
import dev.footnote.text.Mentions;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code footnote flags}: every recorded answer that carried flags, from every origin (each Discord
 * server, direct messages, the CLI and chat); the operator's view, where {@code /flags} shows a
 * server only its own.
 */
@Command(name = "flags", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote flags", "  footnote flags --since 24h --limit 20", "  footnote flags --since 2026-11-01 --json"},
        description = "Review recent answers that carried flags, from every origin (Discord servers, CLI, chat).")
final class FlagReviewCommand implements Callable<Integer> {

    static final int DEFAULT_LIMIT = 100;

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DURATION|DATE", description = "How far back: 30m, 24h, 7d, 2w or a date like 2026-11-01 (default 7d).")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many answers, newest first (default " + DEFAULT_LIMIT + ").")
    int limit = DEFAULT_LIMIT;

    @Option(names = "--json", description = "Print {\"since\", \"answers\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UserException("--limit must be 1 or more.");
        }
        Instant from;
        try {
            from = Since.parse(since, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage().replace("Give since", "Give --since"));
        }
        Storage store = root.app().storage();
        List<AnswerRecord> records = store.answers().flagged(from, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (AnswerRecord r : records) {
                answers.add(jsonOf(r, store.feedback().votes(r.id())));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("since", from.toString());
            body.put("answers", answers);
            out.println(Render.json(body));
        } else {
            out.print(text(records, from, store.feedback()));
        }
        out.flush();
        return 0;
    }

    private static List<Flag> flags(AnswerRecord r) {
        return Json.fromJson(r.flagsJson(), new TypeReference<List<Flag>>() { }, List.of());
    }

    private static Map<String, Object> jsonOf(AnswerRecord r, int[] votes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("created_at", r.createdAt());
        m.put("origin", r.origin());
        m.put("kind", r.kind());
        m.put("question", Mentions.neutralise(r.question()));
        m.put("answer", Mentions.neutralise(r.answer()));
        List<Map<String, Object>> flags = new ArrayList<>();
        for (Flag f : flags(r)) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("sentence", f.sentence());
            fm.put("kind", f.kind());
            fm.put("citation", f.citation());
            fm.put("cue", Mentions.neutralise(f.cue()));
            fm.put("reason", Mentions.neutralise(f.reason()));
            flags.add(fm);
        }
        m.put("flags", flags);
        m.put("up", votes[0]);
        m.put("down", votes[1]);
        return m;
    }

    static String text(List<AnswerRecord> records, Instant from, AnswerFeedback store) {
        StringBuilder b = new StringBuilder();
        b.append(records.size()).append(records.size() == 1 ? " flagged answer" : " flagged answers").append(" since ")
                .append(from.toString().substring(0, 16).replace('T', ' ')).append(" UTC").append(records.isEmpty() ? "; nothing to review." : ":").append('\n');
        SentenceSplitter splitter = new SentenceSplitter();
        for (AnswerRecord r : records) {
            int[] votes = store.votes(r.id());
            String answer = r.answer() == null ? "" : r.answer();
            List<Span> sentences = splitter.split(answer);
            b.append('\n').append('#').append(r.id()).append("  ")
                    .append(r.createdAt() == null ? "" : r.createdAt().substring(0, Math.min(16, r.createdAt().length())).replace('T', ' '))
                    .append("  ").append(r.origin() == null ? "-" : r.origin()).append("  ").append(r.kind())
                    .append("  up ").append(votes[0]).append(", down ").append(votes[1]).append('\n');
            b.append("  Q: ").append(oneLine(r.question())).append('\n');
            for (Flag f : flags(r)) {
                b.append("  - ").append(f.sentence() > 0 ? "sentence " + f.sentence() : "answer").append(": ").append(f.label());
                if (f.sentence() >= 1 && f.sentence() <= sentences.size()) {
                    b.append(": \"").append(oneLine(sentences.get(f.sentence() - 1).of(answer))).append('"');
                }
                if (f.reason() != null && !f.reason().isBlank()) {
                    b.append(" (").append(oneLine(f.reason())).append(')');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Text from a recorded question or answer on one terminal line, its mentions made inert. */
    private static String oneLine(String s) {
        return Mentions.neutralise(s == null ? "" : s.replaceAll("\\s+", " ").strip());
    }
}
