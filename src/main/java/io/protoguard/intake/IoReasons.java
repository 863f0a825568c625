package io.protoguard.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O failure in words: Java's file exceptions carry only a path or a class name as their message. */
final class IoReasons {
    private IoReasons() {}

    static String of(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() || m.contains("java.") || m.contains("Exception") ? "the file cannot be read" : m;
    }
}
