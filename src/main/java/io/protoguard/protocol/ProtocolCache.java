package io.protoguard.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled protocols for long-running use (the service, the nightly run). Each use hashes the protocol's
 * files (cheap next to a 2 s compile); a changed hash recompiles. A protocol that no longer compiles
 * leaves the last good version in use and is reported loudly; a protocol is swapped whole, never half.
 */
public final class ProtocolCache {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolCache.class);

    private record Entry(String fingerprint, ProtocolVersions protocol, String failedFingerprint,
                         List<ProtocolProblem> failure) {}

    private final Path decisionTables;
    private final Path sharedRules;
    private final ProtocolLoader loader;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ProtocolCache(Path decisionTables, Path sharedRules) {
        this.decisionTables = decisionTables;
        this.sharedRules = sharedRules;
        this.loader = new ProtocolLoader(sharedRules);
    }

    /** The protocol's ids: folders under decision-tables/ with a protocol.properties. */
    public List<String> ids() {
        try (Stream<Path> s = Files.list(decisionTables)) {
            return s.filter(p -> Files.exists(p.resolve("protocol.properties")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public ProtocolVersions get(String id) throws ProtocolLoadException {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ProtocolLoadException(id, List.of(new ProtocolProblem(null, null, null, "\"" + id
                    + "\" is not a protocol id (letters, digits, . _ -)")));
        }
        Path dir = decisionTables.resolve(id);
        // Hashing reads every table: done outside the lock, so concurrent uploads of an unchanged protocol never
        // queue behind each other (20 uploads at once did, docs/benchmarks.md round 5); only a change takes it.
        String fingerprint = fingerprint(dir);
        Entry known = entries.get(id);
        if (known != null && fingerprint.equals(known.fingerprint())) return known.protocol();
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            Entry e = entries.get(id);
            if (e != null && fingerprint.equals(e.fingerprint())) return e.protocol();
            if (e != null && fingerprint.equals(e.failedFingerprint())) return e.protocol();
            try {
                ProtocolVersions loaded = loader.loadVersions(dir);
                entries.put(id, new Entry(fingerprint, loaded, null, List.of()));
                if (e != null) LOG.warn("protocol {} changed on disk: recompiled ({} versions)", id, loaded.versions().size());
                return loaded;
            } catch (ProtocolLoadException failure) {
                if (e == null) throw failure;
                LOG.error("protocol {} changed on disk but no longer compiles; still using the last good version {}:\n{}",
                        id, e.protocol().latest().info().version(), failure.getMessage());
                entries.put(id, new Entry(e.fingerprint(), e.protocol(), fingerprint, failure.problems()));
                return e.protocol();
            }
        }
    }

    /** Problems of the latest edit that failed to compile while an older version stays in use; empty if none. */
    public List<ProtocolProblem> pendingFailure(String id) {
        Entry e = entries.get(id);
        return e == null ? List.of() : e.failure();
    }

    private String fingerprint(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path root : List.of(dir, sharedRules)) {
                if (!Files.isDirectory(root)) continue;
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
