package dev.footnote.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a file or page to text. UTF-8 is the rule; a byte-order mark says otherwise, and
 * Windows tools (Notepad, PowerShell's {@code >}) write UTF-16 with one, whose every other byte is
 * zero and would otherwise read as binary. Only the mark is trusted: without one, zeros mean binary.
 */
final class TextBytes {

    private TextBytes() {
    }

    static String decode(byte[] bytes) throws RejectedException {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return checked(decode(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16"));
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return checked(decode(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16"));
        }
        int skip = n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (looksBinary(bytes)) {
            throw new RejectedException("the file is binary, not text");
        }
        return decode(bytes, skip, StandardCharsets.UTF_8, "UTF-8");
    }

    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }

    /** Words as a reader counts them: runs of characters holding a letter or a digit. One pass. */
    static int words(String text) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                counted = false;
            } else {
                if (!counted && Character.isLetterOrDigit(c)) {
                    words++;
                    counted = true;
                }
            }
        }
        return words;
    }

    private static String decode(byte[] bytes, int skip, Charset cs, String name) throws RejectedException {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedException(name.equals("UTF-8") ? "the file is not UTF-8 text; convert it to UTF-8 and try again"
                    : "the file starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8 and try again");
        }
    }

    /** UTF-16 hides binary as well as it hides text; once decoded, control characters give it away. */
    private static String checked(String text) throws RejectedException {
        int n = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new RejectedException("the file is binary, not text");
            }
            if (c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b) {
                control++;
            }
        }
        if (n > 0 && control * 20 > n) {
            throw new RejectedException("the file is binary, not text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
