package dev.footnote.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads {@link FootnoteConfig} from YAML; any unknown key or bad value stops start-up with a clear message. */
public final class ConfigLoader {

    private final ObjectMapper yaml;

    public ConfigLoader() {
        yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** Loads the file, or the defaults when {@code file} is null. */
    public FootnoteConfig load(Path file) {
        if (file == null) {
            return FootnoteConfig.defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Config file " + file + " does not exist; copy config/footnote.example.yaml to start one.");
        }
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return FootnoteConfig.defaults();
            }
            FootnoteConfig c = yaml.readValue(text, FootnoteConfig.class);
            return c == null ? FootnoteConfig.defaults() : c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(file + ": unknown key '" + path(e) + "'" + (known.isEmpty() ? "" : " (known here: " + known + ")"));
        } catch (JsonMappingException e) {
            Throwable root = rootCause(e);
            if (root instanceof ConfigException ce) {
                throw new ConfigException(file + ": " + ce.getMessage());
            }
            String where = path(e);
            throw new ConfigException(file + ": bad value" + (where.isEmpty() ? "" : " for '" + where + "'") + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    static void check(boolean ok, String key, String problem) {
        if (!ok) {
            throw new ConfigException("'" + key + "' " + problem);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
