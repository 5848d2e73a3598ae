package dev.footnote.answer;

import dev.footnote.store.SourcingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An article's sourcing profile in words, the same in the CLI, chat and Discord:
 * "14 claims: 2 sourced, 7 unverifiable sources, 3 figures with no origin, 2 vague attributions".
 * The nouns come from {@link FlagKind}, so a new kind is worded where it is defined.
 */
public final class ProfileWords {

    private ProfileWords() {
    }

    public static String of(SourcingProfile p) {
        if (p.claims() == 0) {
            return p.sourced() == null ? "no flagged claims (sourced ones not counted: ingest it again to count them)"
                    : "no checkable claims";
        }
        List<String> parts = new ArrayList<>();
        if (p.sourced() != null) {
            parts.add(p.sourced() + " sourced");
        }
        for (Map.Entry<String, Integer> e : p.byKind().entrySet()) {
            parts.add(FlagKind.of(e.getKey()).map(k -> k.counted(e.getValue()))
                    .orElse(e.getValue() + " " + e.getKey().replace('_', ' ').toLowerCase(Locale.ROOT)));
        }
        String head = p.sourced() == null
                ? p.claims() + " flagged claim" + (p.claims() == 1 ? "" : "s") + " (sourced ones not counted: ingest it again to count them)"
                : p.claims() + " claim" + (p.claims() == 1 ? "" : "s");
        return parts.isEmpty() ? head : head + ": " + String.join(", ", parts);
    }
}
