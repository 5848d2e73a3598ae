package dev.footnote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house, read from the sources: packages depend one way, the entry points are
 * leaves, JDBC stays in the store packages, and every file can be read in one sitting.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/footnote");
    private static final Set<String> ENTRY_POINTS = Set.of("cli", "discord", "bench");
    /** Package name, relative to dev.footnote ("" for the launcher), to the Footnote packages its files use. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    private static final Map<Path, String> SOURCES = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                SOURCES.put(f, Files.readString(f));
                String text = withoutComments(SOURCES.get(f));
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
                // Imports and fully qualified names alike ("dev.footnote.llm.Provider.values()").
                int i = 0;
                while ((i = text.indexOf("dev.footnote.", i)) >= 0) {
                    int start = i + "dev.footnote.".length();
                    int end = start;
                    while (end < text.length() && (Character.isJavaIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    String used = packageOf(text.substring(start, end));
                    if (!used.isEmpty() && !used.equals(pkg)) {
                        uses.add(used);
                    }
                    i = end;
                }
            }
        }
    }

    /** The code alone: a package named in a comment ("nothing imports dev.footnote.cli") is not a use of it. */
    private static String withoutComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }

    /** "store.sqlite.SqliteDatabase" to "store.sqlite"; a name is a package part while it starts lower case. */
    private static String packageOf(String qualified) {
        List<String> parts = new ArrayList<>();
        for (String p : qualified.split("\\.")) {
            if (p.isEmpty() || !Character.isLowerCase(p.charAt(0))) {
                break;
            }
            parts.add(p);
        }
        return String.join(".", parts);
    }

    @Test
    void nothingImportsTheEntryPointsButTheLauncher() {
        USES.forEach((pkg, uses) -> {
            if (!pkg.isEmpty()) {
                assertThat(uses).as("packages %s uses", pkg).doesNotContainAnyElementsOf(ENTRY_POINTS);
            }
        });
        assertThat(USES.get("")).as("the launcher").containsAll(ENTRY_POINTS);
    }

    @Test
    void thePackageGraphHasNoCycle() {
        for (String start : USES.keySet()) {
            assertThat(reachable(start)).as("packages reachable from %s", start).doesNotContain(start);
        }
    }

    private static Set<String> reachable(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(USES.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) {
                todo.addAll(USES.getOrDefault(p, Set.of()));
            }
        }
        return seen;
    }

    @Test
    void jdbcStaysInTheStorePackages() {
        SOURCES.forEach((file, text) -> {
            String pkg = MAIN.relativize(file.getParent()).toString();
            if (!pkg.equals("store") && !pkg.startsWith("store/")) {
                assertThat(text).as(file.toString()).doesNotContain("java.sql");
            }
        });
    }

    @Test
    void everyFileCanBeReadInOneSitting() {
        SOURCES.forEach((file, text) -> assertThat(text.lines().count()).as(file.toString()).isLessThanOrEqualTo(450));
    }

    @Test
    void everyPackageSaysWhatItOwns() {
        for (String pkg : USES.keySet()) {
            if (!pkg.isEmpty()) {
                assertThat(MAIN.resolve(pkg.replace('.', '/')).resolve("package-info.java")).as(pkg).exists();
            }
        }
    }
}
