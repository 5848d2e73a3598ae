package dev.footnote.verify;

/** How a sentence attributes what it says, as {@link AttributionReader} finds it. */
enum Attribution {
    /** The sentence reports no one's words. */
    NONE,
    /** It reports someone's words ("according to", a speech verb) without a name the reader recognises. */
    SPEAKER,
    /** It names its source: a link, a named speaker or body, a named document, a citation, a declared source. */
    NAMED
}
