package dev.footnote.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a two-column CSV file with a header line (the CoNLL-2010 weasel sentences as
 * {@code text,label}), with RFC 4180 quoting: a quoted field may hold commas, doubled quotes and
 * newlines. Columns past the second are ignored and rows with fewer than two are skipped.
 */
public final class TwoColumnCsv {

    /** One data row: its first two fields as written, quotes removed. */
    public record Row(String first, String second) {
    }

    private TwoColumnCsv() {
    }

    public static List<Row> read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    static List<Row> parse(String s) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                f.setLength(0);
                if (header) {
                    header = false;
                } else if (fields.size() >= 2) {
                    rows.add(new Row(fields.get(0), fields.get(1)));
                }
                fields = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        // A last line without a line break is still a row.
        if (f.length() > 0 || !fields.isEmpty()) {
            fields.add(f.toString());
            if (!header && fields.size() >= 2) {
                rows.add(new Row(fields.get(0), fields.get(1)));
            }
        }
        return rows;
    }
}
