package dev.footnote.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads article files. Only regular files (after following symlinks) are opened: a device such as
 * {@code /dev/zero} reports a size of 0 and never ends, and opening a FIFO blocks until someone
 * writes to it. And whatever size a file reports, at most the cap + 1 byte is read.
 */
public final class RegularFiles {

    private RegularFiles() {
    }

    /** Why this path is not a regular file ("zero.md is a device, not a regular file"), or empty. */
    public static Optional<String> notRegular(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows symlinks
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        String kind = a.isDirectory() ? "a folder" : kindOf(file);
        return Optional.of(file.getFileName() + " is " + kind + ", not a regular file");
    }

    /** The file's bytes, up to {@code cap + 1} of them: a longer result means the file is over the cap. */
    public static byte[] read(Path file, long cap) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        }
    }

    /** Device, FIFO or socket, from the file type bits where the platform shows them. */
    private static String kindOf(Path file) {
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
            switch (type) {
                case 0010000:
                    return "a FIFO";
                case 0020000:
                case 0060000:
                    return "a device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view on this platform: fall back to the general word below
        }
        return "a device, FIFO or socket";
    }
}
