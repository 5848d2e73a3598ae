package dev.footnote.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of versioned schema migrations on the class path ({@code V<n>__<what>.sql}, listed in
 * its {@code index.txt}): each backend has its own folder, read the same way.
 */
public final class MigrationScripts {

    private static final Pattern NAME = Pattern.compile("^V(\\d+)__.+\\.sql$");

    private final String folder;

    public MigrationScripts(String folder) {
        this.folder = folder;
    }

    /** The file names, in version order whatever the order of the index (parallel branches each add one). */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        for (String line : resource(folder + "/index.txt").split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparingInt(MigrationScripts::versionOf));
        return out;
    }

    /** The newest version the folder holds. */
    public int newest() {
        return files().stream().mapToInt(MigrationScripts::versionOf).max().orElse(0);
    }

    /** The SQL of one file of the folder. */
    public String sql(String file) {
        return resource(folder + "/" + file);
    }

    public static int versionOf(String file) {
        Matcher m = NAME.matcher(file);
        if (!m.matches()) {
            throw new IllegalStateException("migration file " + file + " is not named V<n>__<what>.sql");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String resource(String name) {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
