package dev.footnote.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.footnote.answer.Answer;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Flag;
import java.util.List;
import java.util.Locale;

/** Terminal and JSON rendering shared by the commands and the chat session. */
public final class Render {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private Render() {
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An answer as {@code ask --json} prints it: the {@link Answer}'s fields, then
     * {@code time_to_first_token_ms} (null unless the model streamed it).
     */
    static com.fasterxml.jackson.databind.node.ObjectNode answerJson(dev.footnote.answer.AnswerService.Result r) {
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.valueToTree(r.answer());
        if (r.timeToFirstTokenMs() == null) {
            o.putNull("time_to_first_token_ms");
        } else {
            o.put("time_to_first_token_ms", r.timeToFirstTokenMs());
        }
        return o;
    }

    /** The answer, its numbered sources, and a short warning block for its flags. */
    static String answer(Answer a) {
        StringBuilder b = new StringBuilder(a.answer()).append('\n');
        if (!a.citations().isEmpty()) {
            b.append("\nSources\n");
            for (Citation c : a.citations()) {
                b.append('[').append(c.n()).append("] ").append(c.title());
                if (c.url() != null) {
                    b.append(" — ").append(c.url());
                }
                b.append('\n').append(indent(quote(c.quote(), 1200))).append('\n');
            }
        }
        String warnings = flags(a.flags());
        if (!warnings.isEmpty()) {
            b.append('\n').append(warnings);
        }
        return b.toString();
    }

    static String flags(List<Flag> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("⚠ Check before relying on this answer:\n");
        for (Flag f : flags) {
            b.append("  - ").append(f.sentence() > 0 ? "sentence " + f.sentence() : "answer").append(": ").append(f.label()).append(": ")
                    .append(f.reason()).append('\n');
        }
        return b.toString();
    }

    static String quote(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() > max) {
            int cut = t.lastIndexOf(' ', max);
            t = t.substring(0, cut > max / 2 ? cut : max) + " …";
        }
        return "\"" + t + "\"";
    }

    static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }

    /**
     * "words #1, BM25 7.42; meaning #3, cosine 0.61": each side's own rank and score, which a person
     * can read, where the fused score is about 0.03 on every line.
     */
    static String sides(dev.footnote.retrieve.SearchHit h) {
        dev.footnote.retrieve.SearchHit.Sides s = h.sides();
        StringBuilder b = new StringBuilder();
        if (s.keywordRank() != null) {
            b.append("words #").append(s.keywordRank()).append(", BM25 ").append(score(s.bm25()));
        }
        if (s.vectorRank() != null) {
            b.append(b.length() > 0 ? "; " : "").append("meaning #").append(s.vectorRank()).append(", cosine ").append(score(s.cosine()));
        }
        return b.length() == 0 ? "score " + score(h.score()) : b.toString();
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
