package dev.footnote.store;

import java.util.Optional;

/** Small named values the application keeps beside its data (such as the embedding model last used). */
public interface Meta {

    Optional<String> get(String key);

    /** Sets the value, replacing one stored under the key. */
    void put(String key, String value);
}
