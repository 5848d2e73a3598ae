package dev.footnote.config;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + " is a folder, not a config file; give the path of a YAML file such as "
                    + "config/footnote.example.yaml.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Config file " + file + " does not exist; copy config/footnote.example.yaml to start one.");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file + " is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigException(file + " cannot be read (" + e.getClass().getSimpleName() + "); check its permissions.");
        }
        if (text.isBlank()) {
            return FootnoteConfig.defaults();
        }
        try {
            FootnoteConfig c = yaml.readValue(text, FootnoteConfig.class);
            return c == null ? FootnoteConfig.defaults() : c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(file + ConfigErrors.keyLine(text, e.getLocation(), e.getPropertyName()) + ": unknown key '" + ConfigErrors.path(e) + "'"
                    + (known.isEmpty() ? "" : " (known here: " + known + ")"));
        } catch (JsonMappingException e) {
            Throwable root = rootCause(e);
            if (root instanceof ConfigException ce) {
                // Checked when the section is built, so Jackson's location is the section's end, not the key's line.
                String m = ce.getMessage();
                String key = m.startsWith("'") && m.indexOf('\'', 1) > 0 ? m.substring(1, m.indexOf('\'', 1)) : "";
                throw new ConfigException(file + (key.isEmpty() ? "" : ConfigErrors.lineOf(text, key)) + ": " + m);
            }
            throw new ConfigException(ConfigErrors.describe(file.toString(), e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(ConfigErrors.describe(file.toString(), e));
        }
    }

    static void check(boolean ok, String key, String problem) {
        if (!ok) {
            throw new ConfigException("'" + key + "' " + problem);
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
