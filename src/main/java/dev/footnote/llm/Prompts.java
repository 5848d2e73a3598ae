package dev.footnote.llm;

import dev.footnote.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates maintainers edit: {@code system.txt}, {@code answer.txt},
 * {@code summarize.txt} and {@code verify.txt}, with {@code {{named}}} placeholders. They are read
 * once, from a folder or from the copies bundled in the jar, and checked: a placeholder a template
 * does not know, or a required one it lacks, stops start-up with the file and placeholder named.
 * The prompt version recorded with every answer is a hash of the four files.
 */
public final class Prompts {

    /** The templates, their required placeholders and the optional ones they may use. */
    public enum Template {
        SYSTEM("system.txt", Set.of(), Set.of("not_found")),
        ANSWER("answer.txt", Set.of("question", "passages"), Set.of("history", "not_found", "passage_count")),
        SUMMARIZE("summarize.txt", Set.of("article_title", "passages"), Set.of("not_found", "passage_count")),
        VERIFY("verify.txt", Set.of("sentence", "passages"), Set.of("question", "answer"));

        private final String file;
        private final Set<String> required;
        private final Set<String> optional;

        Template(String file, Set<String> required, Set<String> optional) {
            this.file = file;
            this.required = required;
            this.optional = optional;
        }

        public String file() {
            return file;
        }

        public Set<String> required() {
            return required;
        }

        /** Every placeholder this template may use, required first. */
        public Set<String> known() {
            Set<String> all = new LinkedHashSet<>(required.stream().sorted().toList());
            all.addAll(optional.stream().sorted().toList());
            return all;
        }
    }

    /** Where the bundled copies live in the jar. */
    static final String BUNDLED = "/prompts/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");

    private final Map<Template, String> texts;
    private final String source;
    private final String version;

    private Prompts(Map<Template, String> texts, String source) {
        this.texts = texts;
        this.source = source;
        this.version = hash(texts);
    }

    /**
     * The templates for this run: from {@code configured} if given (it must be a folder), else from
     * {@code ./prompts} if that folder exists, else the copies bundled in the jar.
     */
    public static Prompts load(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path dir = folder(configured);
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("'prompts' folder " + dir + " does not exist; point it at a folder with "
                        + fileList() + ", or remove the key to use the bundled prompts.");
            }
            return fromFolder(dir);
        }
        Path local = Path.of("prompts");
        if (Files.isDirectory(local)) {
            return fromFolder(local);
        }
        return bundled();
    }

    /** The prompts folder: {@code configured} (a leading ~ is the home folder), else {@code ./prompts}. */
    public static Path folder(String configured) {
        return configured == null || configured.isBlank() ? Path.of("prompts")
                : Path.of(configured.strip().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
    }

    public static Prompts fromFolder(Path dir) {
        Map<Template, String> texts = new EnumMap<>(Template.class);
        for (Template t : Template.values()) {
            Path f = dir.resolve(t.file());
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("prompt file " + f + " is missing; the prompts folder needs " + fileList() + ".");
            }
            try {
                texts.put(t, Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException("prompt file " + f + " cannot be read: " + e.getMessage());
            }
            check(t, texts.get(t), f.toString());
        }
        return new Prompts(texts, dir.toString());
    }

    public static Prompts bundled() {
        Map<Template, String> texts = new EnumMap<>(Template.class);
        for (Template t : Template.values()) {
            try (InputStream in = Prompts.class.getResourceAsStream(BUNDLED + t.file())) {
                if (in == null) {
                    throw new IllegalStateException("bundled prompt " + t.file() + " is missing from the jar");
                }
                texts.put(t, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled prompt " + t.file(), e);
            }
            check(t, texts.get(t), "bundled " + t.file());
        }
        return new Prompts(texts, "bundled");
    }

    /** Builds prompts from strings (tests, tools); checked like files. */
    public static Prompts of(Map<Template, String> texts) {
        Map<Template, String> copy = new EnumMap<>(Template.class);
        for (Template t : Template.values()) {
            String text = texts.get(t);
            if (text == null) {
                throw new ConfigException("prompt " + t.file() + " is missing");
            }
            check(t, text, t.file());
            copy.put(t, text);
        }
        return new Prompts(copy, "given");
    }

    /** Where the templates came from: a folder path, or "bundled". */
    public String source() {
        return source;
    }

    /** A short hash of the four templates, recorded with each answer. */
    public String version() {
        return version;
    }

    public String text(Template t) {
        return texts.get(t);
    }

    /**
     * Fills the template's placeholders in one pass, so placeholder-like text inside a value (a
     * passage quoting "{{question}}") is left alone. Every placeholder the template uses needs a value.
     */
    public String render(Template t, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(texts.get(t));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}} in " + t.file());
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static void check(Template t, String text, String where) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!t.known().contains(name)) {
                throw new ConfigException(where + ": unknown placeholder {{" + name + "}}; " + t.file() + " may use "
                        + describe(t.known()) + ".");
            }
            used.add(name);
        }
        for (String r : t.required().stream().sorted().toList()) {
            if (!used.contains(r)) {
                throw new ConfigException(where + ": missing placeholder {{" + r + "}}; " + t.file() + " must contain "
                        + describe(t.required()) + ".");
            }
        }
    }

    private static String describe(Set<String> names) {
        if (names.isEmpty()) {
            return "no placeholders";
        }
        return String.join(", ", names.stream().sorted().map(n -> "{{" + n + "}}").toList());
    }

    private static String fileList() {
        return String.join(", ", List.of(Template.values()).stream().map(Template::file).toList());
    }

    private static String hash(Map<Template, String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Template t : Template.values()) {
                sha.update(t.file().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                // Line endings do not change the prompt the model sees in any way that matters.
                sha.update(texts.get(t).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "prompts-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
