package dev.footnote.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report files of a {@link LabReport}: {@code report.md} ({@link MarkdownReport}),
 * {@code report.json} (the same JSON as {@code --json}) and {@code report.html}
 * ({@link HtmlReport}). The terminal text is {@link TextReport}'s.
 */
public final class Reports {

    private Reports() {
    }

    /** Writes report.md, report.json and report.html into {@code dir} (created if needed); returns their paths. */
    public static List<Path> write(LabReport r, Path dir) {
        try {
            Files.createDirectories(dir);
            Path md = Files.writeString(dir.resolve("report.md"), MarkdownReport.render(r), StandardCharsets.UTF_8);
            Path json = Files.writeString(dir.resolve("report.json"), json(r) + "\n", StandardCharsets.UTF_8);
            Path html = Files.writeString(dir.resolve("report.html"), HtmlReport.render(r), StandardCharsets.UTF_8);
            return List.of(md, json, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String json(LabReport r) {
        return EvalJson.pretty(r);
    }
}
