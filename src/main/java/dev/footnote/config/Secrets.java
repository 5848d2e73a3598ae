package dev.footnote.config;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets come from the environment only. Keeping the lookup behind this type lets tests supply
 * fake values and keeps the values out of config objects that might be printed.
 */
public final class Secrets {

    private final Map<String, String> env;

    public Secrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** A redactor for the values of the named variables (those set; names may repeat or be null). */
    public Redactor redactor(java.util.Collection<String> names) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String name : names) {
            if (name != null) {
                get(name).ifPresent(values::add);
            }
        }
        return new Redactor(values);
    }

    @Override
    public String toString() {
        return "Secrets[" + env.size() + " variables, values hidden]";
    }
}
