package dev.footnote.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.List;

/**
 * The JSON of columns that hold lists and records (an article's sources, an answer's citations and
 * flags): snake_case names, so files written by earlier versions read back the same.
 */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {
    }

    public static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list of strings written by {@link #toJson}; empty when missing or unreadable. */
    public static List<String> strings(String s) {
        return fromJson(s, new TypeReference<List<String>>() { }, List.of());
    }

    /** Reads JSON written by {@link #toJson}; {@code fallback} when it is missing or unreadable. */
    public static <T> T fromJson(String s, TypeReference<T> type, T fallback) {
        try {
            T value = s == null ? null : JSON.readValue(s, type);
            return value == null ? fallback : value;
        } catch (IOException e) {
            return fallback;
        }
    }
}
