package dev.footnote.verify;

import java.util.Set;

/**
 * One pattern line of {@code verify/cues.txt}, compiled: a kind and a set of alternatives per
 * element (a literal word, a prefix, a number, any word, a gap, ...), in the family it belongs to.
 */
final class Cue {

    /** The kinds of element a pattern is made of. */
    static final byte LIT = 0;
    static final byte PREFIX = 1;
    static final byte NUM = 2;
    static final byte ANY = 3;
    static final byte GAP = 4;
    static final byte START = 5;
    static final byte NAME = 6;
    static final byte PARTICIPLE = 7;
    static final byte CAP = 8;

    final int id;
    final String source;
    final CueGroup group;
    final double weight;
    final byte[] kinds;
    final Set<String>[] alts;
    /** Element indices that bound the part of the match reported as the cue ("{" and "}"). */
    final int capFrom;
    final int capTo;
    final String[] prefix;

    Cue(int id, String source, CueGroup group, double weight, byte[] kinds, Set<String>[] alts, int capFrom, int capTo) {
        this.prefix = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == PREFIX) {
                prefix[i] = alts[i].iterator().next();
            }
        }
        this.id = id;
        this.source = source;
        this.group = group;
        this.weight = weight;
        this.kinds = kinds;
        this.alts = alts;
        this.capFrom = capFrom;
        this.capTo = capTo;
    }
}
