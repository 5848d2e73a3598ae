package dev.footnote.verify;

import java.util.ArrayList;
import java.util.List;

/** A named family of cues that share a kind, a default weight and a reason template. */
final class CueGroup {

    final String name;
    String kind;
    double weight = 1.0;
    String reason;
    final List<Cue> cues = new ArrayList<>();

    CueGroup(String name) {
        this.name = name;
    }
}
