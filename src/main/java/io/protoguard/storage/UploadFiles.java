package io.protoguard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every uploaded original under {@code <data-dir>/uploads/<sha256>} (folder 0700, files 0600: they are trial data). The user's file name never becomes
 * part of a path: files are named by their content hash, and temporary files by a random UUID.
 */
@Component
public class UploadFiles {

    /** An original kept on disk. */
    public record Kept(String sha256, long size, Path path) {}

    /**
     * An upload received but not (yet) kept: it becomes a kept original only when its run is stored, so an upload
     * that is refused (unreadable, sites not assigned) leaves nothing behind. Close it in any case.
     */
    public final class Incoming implements AutoCloseable {
        private final Path path;
        private final String sha256;
        private final long size;

        private Incoming(Path path, String sha256, long size) {
            this.path = path;
            this.sha256 = sha256;
            this.size = size;
        }

        public Path path() {
            return path;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        /** Moves it under its sha256 (an identical earlier upload shares the stored file). */
        public Kept keep() throws IOException {
            Path target = dir.resolve(sha256);
            if (Files.exists(target)) {
                Files.deleteIfExists(path);
            } else {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Kept(sha256, size, target);
        }

        /** Deletes the received copy unless {@link #keep()} moved it. */
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
        }
    }

    private final Path dir;

    public UploadFiles(@Value("${protoguard.data-dir:./data}") Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.toAbsolutePath().normalize().resolve("uploads"));
        EmbeddedH2.ownerOnlyFolder(dir);
    }

    /** Copies the stream to disk (readable by the service's user only) while hashing it. */
    public Incoming receive(InputStream in) throws IOException {
        Path incoming = dir.resolve(".incoming-" + UUID.randomUUID());
        EmbeddedH2.createOwnerOnly(incoming);
        MessageDigest sha = sha256();
        long size;
        try (DigestInputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(incoming)) {
            size = digesting.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(incoming);
            throw e;
        }
        return new Incoming(incoming, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Receives and keeps at once. */
    public Kept keep(InputStream in) throws IOException {
        try (Incoming incoming = receive(in)) {
            return incoming.keep();
        }
    }

    /** The stored original of an earlier upload, by its hash (validated so it cannot name another path). */
    public Path original(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a sha256: " + sha256);
        return dir.resolve(sha256);
    }

    /** A fresh folder for unpacking one upload, named by a random UUID; the caller deletes it. */
    public Path scratchFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(".work-" + UUID.randomUUID()));
        EmbeddedH2.ownerOnlyFolder(folder);
        return folder;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
