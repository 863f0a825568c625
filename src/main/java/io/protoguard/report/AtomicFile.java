package io.protoguard.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes a file whole or not at all (SPEC section 7: "an output file is written whole or not at all"). */
public final class AtomicFile {

    private AtomicFile() {}

    /**
     * Writes to a temp file in the target's folder, then moves it into place (ATOMIC_MOVE, falling back to
     * REPLACE_EXISTING); on any failure the temp file is deleted and the target is untouched. The body gets
     * a stream it need not (and cannot) close; the data is forced to disk before the move.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path abs = target.toAbsolutePath();
        // The move would replace a device, a pipe or a folder's entry with a regular file (as root, /dev/full
        // too) and report success: only a regular file or a new path is written.
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new java.nio.file.FileSystemException(abs.toString(), null,
                    "not a regular file (a device, a pipe or a folder); a report is written only to a regular file or a new path");
        }
        Path dir = abs.getParent();
        // CREATE_NEW with the default permissions (not createTempFile's 0600): the report keeps the
        // permissions any other file written here would get.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream buffered = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                body.accept(new NonClosingOutputStream(buffered));
                buffered.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    /** Makes the rename durable where the platform allows it (not on Windows); best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported here: the move itself already happened
        }
    }
}
