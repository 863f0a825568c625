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
 * Keeps every uploaded original under {@code <data-dir>/uploads/<sha256>}. The user's file name never becomes
 * part of a path: files are named by their content hash, and temporary files by a random UUID.
 */
@Component
public class UploadFiles {

    /** An original kept on disk. */
    public record Kept(String sha256, long size, Path path) {}

    private final Path dir;

    public UploadFiles(@Value("${protoguard.data-dir:./data}") Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.toAbsolutePath().normalize().resolve("uploads"));
    }

    /** Copies the stream to disk while hashing it; an identical earlier upload shares the stored file. */
    public Kept keep(InputStream in) throws IOException {
        Path incoming = dir.resolve(".incoming-" + UUID.randomUUID());
        MessageDigest sha = sha256();
        long size;
        try (DigestInputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(incoming)) {
            size = digesting.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(incoming);
            throw e;
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        Path target = dir.resolve(hash);
        if (Files.exists(target)) {
            Files.delete(incoming);
        } else {
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Kept(hash, size, target);
    }

    /** The stored original of an earlier upload, by its hash (validated so it cannot name another path). */
    public Path original(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a sha256: " + sha256);
        return dir.resolve(sha256);
    }

    /** A fresh folder for unpacking one upload, named by a random UUID; the caller deletes it. */
    public Path scratchFolder() throws IOException {
        return Files.createDirectories(dir.resolve(".work-" + UUID.randomUUID()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
