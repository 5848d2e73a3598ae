package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What any {@link Meta} does. */
public abstract class MetaContract extends StorageContract {

    @Test
    public void aValueIsSetThenReplaced() {
        assertThat(storage.meta().get("samples_offered")).isEmpty();
        storage.meta().put("samples_offered", "yes");
        // WHEN the same key is put again
        storage.meta().put("samples_offered", "declined");
        // THEN it holds the last value, and other keys are untouched
        assertThat(storage.meta().get("samples_offered")).contains("declined");
        assertThat(storage.meta().get("other")).isEmpty();
    }

    @Test
    public void aValueOutlivesTheStorage() {
        storage.meta().put("k", "v");
        storage.close();
        storage = open(dir);
        assertThat(storage.meta().get("k")).contains("v");
    }
}
