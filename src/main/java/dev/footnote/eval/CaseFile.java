package dev.footnote.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.footnote.answer.FlagKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a case file: a YAML list of cases (see the README, "Prompt lab"). Every problem stops the
 * run with the case and key named: an unknown key, a missing question, a duplicate id, a flag kind
 * that does not exist, or expectations that contradict each other.
 */
public final class CaseFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private final Path path;
    private final List<EvalCase> cases;
    private final String hash;

    private CaseFile(Path path, List<EvalCase> cases, String hash) {
        this.path = path;
        this.cases = List.copyOf(cases);
        this.hash = hash;
    }

    public Path path() {
        return path;
    }

    public List<EvalCase> cases() {
        return cases;
    }

    /** A short hash of the file's bytes: runs over the same hash ran the same cases. */
    public String hash() {
        return hash;
    }

    public static CaseFile load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new EvalException("Case file " + path + " does not exist; see config/eval-cases.example.yaml.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new EvalException("Cannot read case file " + path + ": " + e.getMessage());
        }
        return new CaseFile(path, parse(new String(bytes, StandardCharsets.UTF_8), path.toString()), sha(bytes));
    }

    /** Parses case-file text; {@code where} names it in messages. */
    public static List<EvalCase> parse(String text, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EvalException(where + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new EvalException(where + " has no cases; it should be a YAML list of cases (- id: ..., question: ...).");
        }
        if (!root.isArray()) {
            throw new EvalException(where + " should be a YAML list of cases (- id: ..., question: ...), not a "
                    + (root.isObject() ? "mapping" : "single value") + ".");
        }
        Set<String> kinds = flagKinds();
        Set<String> ids = new HashSet<>();
        List<EvalCase> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String label = "case " + (i + 1);
            if (node.isObject() && node.hasNonNull("id")) {
                label += " (" + node.get("id").asText() + ")";
            }
            if (!node.isObject()) {
                throw new EvalException(where + ": " + label + " should be a mapping with id and question.");
            }
            EvalCase c;
            try {
                c = YAML.treeToValue(node, EvalCase.class);
            } catch (UnrecognizedPropertyException e) {
                throw new EvalException(where + ": " + label + ": unknown key '" + e.getPropertyName()
                        + "' (known: id, question, expect_articles, expect_passages, expect_answers, must_refuse, must_flag, must_not_flag)");
            } catch (JsonMappingException e) {
                String key = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? ""
                        : " '" + e.getPath().get(0).getFieldName() + "'";
                throw new EvalException(where + ": " + label + ": bad value for" + (key.isEmpty() ? " a key" : key) + ": "
                        + firstLine(e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                throw new EvalException(where + ": " + label + ": " + firstLine(e.getOriginalMessage()));
            }
            String id = c.id() == null || c.id().isBlank() ? "case-" + (i + 1) : c.id().strip();
            if (c.question() == null || c.question().isBlank()) {
                throw new EvalException(where + ": " + label + " has no question.");
            }
            if (!ids.add(id)) {
                throw new EvalException(where + ": " + label + ": the id '" + id + "' is used twice; ids must be unique.");
            }
            c = new EvalCase(id, c.question().strip(), c.expectArticles(), c.expectPassages(), c.mustRefuse(),
                    c.mustFlag(), c.mustNotFlag(), c.expectAnswers());
            for (String k : concat(c.mustFlag(), c.mustNotFlag())) {
                if (!kinds.contains(k)) {
                    throw new EvalException(where + ": " + label + ": unknown flag kind '" + k + "' (known: "
                            + String.join(", ", kinds) + ").");
                }
            }
            for (String k : c.mustFlag()) {
                if (c.mustNotFlag().contains(k)) {
                    throw new EvalException(where + ": " + label + ": '" + k + "' is in both must_flag and must_not_flag.");
                }
            }
            if (c.mustRefuse() && (!c.expectArticles().isEmpty() || !c.expectPassages().isEmpty() || !c.mustFlag().isEmpty()
                    || !c.expectAnswers().isEmpty())) {
                throw new EvalException(where + ": " + label + ": must_refuse cannot go with expect_articles, "
                        + "expect_passages, expect_answers or must_flag (a refusal cites nothing and carries no flags).");
            }
            out.add(c);
        }
        if (out.isEmpty()) {
            throw new EvalException(where + " has no cases; it should be a YAML list of cases (- id: ..., question: ...).");
        }
        return out;
    }

    /** Every flag kind the answer pipeline knows: the wire names of {@link FlagKind}. */
    public static Set<String> flagKinds() {
        Set<String> out = new TreeSet<>();
        for (FlagKind k : FlagKind.values()) {
            out.add(k.wire());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
