package dev.footnote.cli;

import dev.footnote.Footnote;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process, capturing what a user would see. */
public final class Cli {

    public record Run(int code, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();

    public Cli env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Footnote.run(new FootnoteCommand(env), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
