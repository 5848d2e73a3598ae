package dev.footnote.store;

import java.util.Map;

/** What a paging button refers to: a listing's kind and the arguments to list it again. */
public record View(long id, String kind, Map<String, Object> data) {

    public String string(String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }

    public long number(String key, long dflt) {
        return data.get(key) instanceof Number n ? n.longValue() : dflt;
    }
}
