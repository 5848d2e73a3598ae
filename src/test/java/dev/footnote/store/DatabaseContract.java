package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** What any {@link Database} does: migrations once, all-or-nothing writes, reads beside them. */
public abstract class DatabaseContract extends StorageContract {

    @Test
    public void opensMigratedAndOpensAgainAtTheSameVersion() {
        int version = storage.database().schemaVersion();
        assertThat(version).isPositive();
        storage.close();
        // WHEN the same location is opened again
        storage = open(dir);
        // THEN nothing is migrated twice and the data's version is the same
        assertThat(storage.database().schemaVersion()).isEqualTo(version);
        assertThat(storage.database().location()).isNotBlank();
    }

    @Test
    public void aWriteThatFailsLeavesNothingBehind() {
        // GIVEN a write that stores a value, then fails
        assertThatThrownBy(() -> storage.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES ('k', 'v')")) {
                ps.executeUpdate();
            }
            throw new IllegalStateException("fails after the insert");
        })).isInstanceOf(IllegalStateException.class);
        // THEN the value is not there
        assertThat(storage.meta().get("k")).isEmpty();
    }

    @Test
    public void aReadSeesWhatAWriteCommitted() {
        storage.database().write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO meta(key, value) VALUES ('k', 'v')");
            }
        });
        String v = storage.database().read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'k'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(v).isEqualTo("v");
    }

    @Test
    public void badSqlIsAStoreException() {
        assertThatThrownBy(() -> storage.database().read(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeQuery("SELECT no_such_column FROM meta");
            }
        })).isInstanceOf(StoreException.class);
    }
}
