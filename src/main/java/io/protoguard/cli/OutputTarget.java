package io.protoguard.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code --out} may write: a regular file (replaced whole) or a new path in an existing folder. A
 * device, a folder or a pipe is refused before the check runs, since the atomic move would replace it with
 * a regular file (as root, even /dev/full), and a missing folder is said in words.
 */
final class OutputTarget {
    private OutputTarget() {}

    /** Why the report cannot go to {@code out}, or null when it can. */
    static String problem(Path out) {
        Path abs = out.toAbsolutePath();
        if (Files.exists(abs)) {
            if (Files.isDirectory(abs)) return "is a folder; give a file name for the report";
            if (!Files.isRegularFile(abs)) {
                return "is not a regular file (a device or a pipe); the report is written only to a regular file or a new path";
            }
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.exists(dir)) return "the folder " + dir + " does not exist";
        if (!Files.isDirectory(dir)) return dir + " is not a folder";
        if (!Files.isWritable(dir)) return "the folder " + dir + " cannot be written to (permission denied)";
        return null;
    }

    /** An I/O failure while writing, in words: Java's file exceptions often carry only a path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "its folder does not exist (any more)";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return Messages.plain(e);
    }
}
