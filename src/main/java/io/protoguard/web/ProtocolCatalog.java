package io.protoguard.web;

import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolCache;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.AuditLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The protocols under {@code <home>/decision-tables/}, kept compiled by a {@link ProtocolCache}: an author's
 * edit counts on the next upload without a restart, and an edit that no longer compiles leaves the last good
 * version in use (its problems are shown on the protocols page and written to the audit log).
 */
@Component
public class ProtocolCatalog {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * A protocol as listed: {@code versions} in use (null when it never compiled), {@code loaded} its latest
     * version, and {@code problems}: why it cannot be loaded, or why the newest edit was not taken.
     */
    public record Entry(String id, ProtocolVersions versions, List<String> problems) {
        public boolean ok() {
            return versions != null;
        }

        public LoadedProtocol loaded() {
            return versions == null ? null : versions.latest();
        }
    }

    private final Path home;
    private final AuditLog audit;
    private final ProtocolCache cache;
    private final Map<String, Entry> last = new ConcurrentHashMap<>();

    public ProtocolCatalog(@Value("${protoguard.home:}") String home, AuditLog audit) {
        this.home = home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
        this.audit = audit;
        this.cache = new ProtocolCache(this.home.resolve("decision-tables"), this.home.resolve("rules"));
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
        return cache.ids().stream().filter(id -> ID.matcher(id).matches()).toList();
    }

    public List<Entry> all() {
        return ids().stream().map(this::entry).toList();
    }

    /** The compiled protocol; throws UnknownProtocol for an id that is not a protocol folder, BrokenProtocol when it never compiled. */
    public ProtocolVersions get(String id) {
        Entry e = entry(id);
        if (!e.ok()) throw new BrokenProtocol(id, e.problems());
        return e.versions();
    }

    /**
     * Only ids listed by {@link #ids()} ever reach a path, so a request cannot name another folder. An unchanged
     * protocol (every upload but the first after an edit) takes no lock here: a lock around the whole look-up made
     * concurrent uploads queue behind each other's fingerprint of the tables (JFR, docs/benchmarks.md). A change is
     * looked up again under the lock, so changes are recorded and audited one at a time and in order.
     */
    public Entry entry(String id) {
        if (id == null || !ids().contains(id)) throw new UnknownProtocol(id);
        Entry fresh = lookUp(id);
        if (fresh.equals(last.get(id))) return fresh;
        synchronized (this) {
            fresh = lookUp(id);
            Entry before = last.put(id, fresh);
            if (!fresh.equals(before)) auditChange(id, before, fresh);
            return fresh;
        }
    }

    private Entry lookUp(String id) {
        try {
            ProtocolVersions v = cache.get(id);
            return new Entry(id, v, cache.pendingFailure(id).stream().map(ProtocolProblem::describe).toList());
        } catch (ProtocolLoadException e) {
            return new Entry(id, null, e.problems().stream().map(ProtocolProblem::describe).toList());
        }
    }

    private void auditChange(String id, Entry before, Entry after) {
        if (!after.problems().isEmpty()) {
            audit.record("system", AuditLog.PROTOCOL_BROKEN, id + ": " + after.problems().size() + " problem(s)"
                    + (after.ok() ? "; still using version " + after.loaded().info().version() + " (tables "
                    + after.versions().contentHash().substring(0, 12) + ")" : "") + ": "
                    + String.join("; ", after.problems().subList(0, Math.min(3, after.problems().size()))), null);
        } else if (before == null) {
            audit.record("system", AuditLog.PROTOCOL_LOADED, id + " version " + after.loaded().info().version()
                    + " (tables " + after.versions().contentHash().substring(0, 12) + ")", null);
        } else if (!before.ok() || !before.versions().contentHash().equals(after.versions().contentHash())) {
            String was = before.ok() ? "version " + before.loaded().info().version() + " (tables "
                    + before.versions().contentHash().substring(0, 12) + ")" : "broken";
            audit.record("system", AuditLog.PROTOCOL_CHANGED, id + ": " + was + " -> version "
                    + after.loaded().info().version() + " (tables " + after.versions().contentHash().substring(0, 12) + ")", null);
        }
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
