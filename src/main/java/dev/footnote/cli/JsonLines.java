package dev.footnote.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One JSON object per line through Jackson's streaming generator. The claims and support commands
 * use it instead of an ObjectMapper because the support measurement starts a JVM per article and
 * an ObjectMapper costs several hundred milliseconds to build; the generator costs a few.
 */
final class JsonLines {

    private final JsonFactory factory = new JsonFactory();
    private final PrintWriter out;

    JsonLines(PrintWriter out) {
        this.out = out;
    }

    /** Writes {@code key, value, key, value, ...} as one object; values are String, Boolean, Number, List of String or null. */
    void write(Object... keyValues) throws IOException {
        StringWriter sw = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(sw)) {
            g.writeStartObject();
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                g.writeFieldName((String) keyValues[i]);
                Object v = keyValues[i + 1];
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof Integer n) {
                    g.writeNumber(n);
                } else if (v instanceof Number n) {
                    g.writeNumber(n.doubleValue());
                } else if (v instanceof List<?> l) {
                    g.writeStartArray();
                    for (Object x : l) {
                        g.writeString(String.valueOf(x));
                    }
                    g.writeEndArray();
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
        }
        out.println(sw);
    }
}
