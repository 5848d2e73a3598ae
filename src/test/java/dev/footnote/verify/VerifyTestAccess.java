package dev.footnote.verify;

import dev.footnote.text.Terms;

/** Package-private parts of {@code verify} for tests in other packages (the hostile corpus). */
public final class VerifyTestAccess {

    private VerifyTestAccess() {
    }

    /** Reads a sentence's corroboration key and compares it with itself, as corroboration does per candidate. */
    public static boolean claimKey(String sentence) {
        ClaimKey k = ClaimKey.of(sentence, new Terms());
        return k.sameClaim(k);
    }
}
