package io.protoguard.web;

import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.storage.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The protocols under {@code <home>/decision-tables/}. Compiling one takes seconds, so each is kept compiled
 * and recompiled only when the bytes of its folder (or of the shared rules) change: an author's edit counts
 * on the next upload, without a restart. Changes are written to the audit log.
 */
@Component
public class ProtocolCatalog {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** A protocol as listed: loaded, or broken with its problems. */
    public record Entry(String id, LoadedProtocol loaded, List<String> problems) {
        public boolean ok() {
            return loaded != null;
        }
    }

    private record Cached(String fingerprint, Entry entry) {}

    private final Path home;
    private final AuditLog audit;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ProtocolCatalog(@Value("${protoguard.home:}") String home, AuditLog audit) {
        this.home = home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
        this.audit = audit;
    }

    /** Compiles every protocol in the background at start, so the first upload does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    public void preload() {
        Thread t = new Thread(this::all, "protocol-preload");
        t.setDaemon(true);
        t.start();
    }

    public Path home() {
        return home;
    }

    /** Protocol ids: the folders of decision-tables/ that hold a protocol.properties. */
    public List<String> ids() {
        Path tables = home.resolve("decision-tables");
        if (!Files.isDirectory(tables)) return List.of();
        try (Stream<Path> dirs = Files.list(tables)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("protocol.properties")))
                    .map(d -> d.getFileName().toString()).filter(id -> ID.matcher(id).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public List<Entry> all() {
        return ids().stream().map(this::entry).toList();
    }

    /** The compiled protocol; throws UnknownProtocol for an id that is not a protocol folder, BrokenProtocol when it does not compile. */
    public LoadedProtocol get(String id) {
        Entry e = entry(id);
        if (!e.ok()) throw new BrokenProtocol(id, e.problems());
        return e.loaded();
    }

    /** Only ids listed by {@link #ids()} ever reach a path, so a request cannot name another folder. */
    public synchronized Entry entry(String id) {
        if (id == null || !ids().contains(id)) throw new UnknownProtocol(id);
        Path dir = home.resolve("decision-tables").resolve(id);
        String fingerprint = fingerprint(dir);
        Cached cached = cache.get(id);
        if (cached != null && cached.fingerprint().equals(fingerprint)) return cached.entry();
        Entry fresh;
        try {
            fresh = new Entry(id, new ProtocolLoader(home.resolve("rules")).load(dir), List.of());
        } catch (ProtocolLoadException e) {
            fresh = new Entry(id, null, e.problems().stream().map(ProtocolProblem::describe).toList());
        }
        cache.put(id, new Cached(fingerprint, fresh));
        auditChange(id, cached == null ? null : cached.entry(), fresh);
        return fresh;
    }

    private void auditChange(String id, Entry before, Entry after) {
        if (!after.ok()) {
            audit.record("system", AuditLog.PROTOCOL_BROKEN, id + ": " + after.problems().size() + " problem(s): "
                    + String.join("; ", after.problems().subList(0, Math.min(3, after.problems().size()))), null);
        } else if (before == null) {
            audit.record("system", AuditLog.PROTOCOL_LOADED, id + " version " + after.loaded().info().version()
                    + " (tables " + after.loaded().contentHash().substring(0, 12) + ")", null);
        } else if (!before.ok() || !before.loaded().contentHash().equals(after.loaded().contentHash())) {
            String was = before.ok() ? "version " + before.loaded().info().version() + " (tables "
                    + before.loaded().contentHash().substring(0, 12) + ")" : "broken";
            audit.record("system", AuditLog.PROTOCOL_CHANGED, id + ": " + was + " -> version "
                    + after.loaded().info().version() + " (tables " + after.loaded().contentHash().substring(0, 12) + ")", null);
        }
    }

    /** A cheap hash of every file the loader reads (names and bytes), to tell whether a reload is needed. */
    private String fingerprint(Path dir) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path folder : List.of(dir, home.resolve("rules"))) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                sha.update(("unlistable " + folder).getBytes(StandardCharsets.UTF_8));
            }
            for (Path f : files) {
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try {
                    sha.update(Files.readAllBytes(f));
                } catch (IOException e) {
                    sha.update("unreadable".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** No protocol folder of that id. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static final class UnknownProtocol extends RuntimeException {
        public UnknownProtocol(String id) {
            super("there is no protocol \"" + id + "\"");
        }
    }

    /** The protocol's tables do not compile; the problems name file, sheet and cell. */
    public static final class BrokenProtocol extends RuntimeException {
        private final List<String> problems;

        public BrokenProtocol(String id, List<String> problems) {
            super("protocol " + id + " cannot be loaded: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
