package io.protoguard.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * The compiled rule base on disk, so a cold {@code check} does not compile the tables again (issue 16): the
 * KieBase's packages, serialized with the classes Drools generated for them, in one file per key. The key
 * is the SHA-256 of the protocol version's content hash (its tables and shared DRL, byte for byte) and of
 * {@link EngineFingerprint} (Drools' version and protoguard's own classes), so a changed table, DRL file or
 * build recompiles. A file is trusted only if its header repeats the key and its payload matches the
 * checksum beside it; anything else (truncated, corrupted, another key, a payload Drools cannot read) is
 * deleted and rebuilt. An entry is written only for a protocol version that passed every check (table
 * checks, the DRL-mode compile, the dry run, lint); the checks are functions of the bytes the key covers,
 * so an unchanged protocol skips them, and every message about a changed table still comes from them.
 */
final class RuleBaseCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleBaseCache.class);
    private static final String MAGIC = "protoguard-rulebase-1";

    private final Path dir;

    /**
     * What a load needs besides the rule base when the tables are unchanged: the tables as read (for lint and
     * messages) and the names of the rules generated from them (the dry run's table rules). Reading the
     * workbooks with POI was a third of a cached cold check.
     */
    record Entry(KieBase base, List<RuleTableSheet> tables, Set<String> tableRules) {}

    RuleBaseCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The default cache: {@code -Dprotoguard.cache} or {@code $PROTOGUARD_CACHE} (a folder, or {@code off}),
     * else {@code $XDG_CACHE_HOME/protoguard/rulebases}, else {@code ~/.cache/protoguard/rulebases}.
     */
    static RuleBaseCache standard() {
        String set = System.getProperty("protoguard.cache");
        if (set == null || set.isBlank()) set = System.getenv("PROTOGUARD_CACHE");
        if (set != null && !set.isBlank()) return set.equals("off") ? null : new RuleBaseCache(Path.of(set));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new RuleBaseCache(base.resolve("protoguard").resolve("rulebases"));
    }

    Path dir() {
        return dir;
    }

    /** The key of a protocol version's rule base: its content hash under this build's engine; null if the engine is unknown. */
    static String key(String contentHash) {
        String engine = EngineFingerprint.get();
        if (engine.equals(EngineFingerprint.UNKNOWN)) return null;
        return hex(sha256().digest((contentHash + "\n" + engine).getBytes(StandardCharsets.UTF_8)));
    }

    Path file(String key) {
        return dir.resolve(key + ".kbase");
    }

    /** The cached entry of {@code key}, or null when there is none that can be trusted (then rebuilt). */
    Entry load(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try {
            byte[] payload = verifiedPayload(Files.readAllBytes(f), key);
            if (payload == null) {
                LOG.warn("compiled rule base {} is corrupted or stale; recompiling", f);
                delete(f);
                return null;
            }
            return deserialize(payload);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("compiled rule base {} cannot be read ({}); recompiling", f, e.toString());
            delete(f);
            return null;
        }
    }

    /** Stores {@code entry} under {@code key}; a failure to write only costs the next run a compile. */
    void store(String key, Entry entry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(entry.base().getKiePackages()));
                out.writeObject(new ArrayList<>(entry.tables()));
                out.writeObject(new HashSet<>(entry.tableRules()));
            }
            byte[] payload = bytes.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream(payload.length + 200);
            try (DataOutputStream out = new DataOutputStream(file)) {
                out.writeUTF(MAGIC);
                out.writeUTF(key);
                out.writeUTF(hex(sha256().digest(payload)));
                out.writeInt(payload.length);
                out.write(payload);
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, file.toByteArray());
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot store the compiled rule base in {} ({}); the next run compiles again", dir, e.toString());
        }
    }

    /** The payload if the header names {@code key} and the checksum matches; null otherwise. */
    private static byte[] verifiedPayload(byte[] file, String key) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) return null;
        String checksum = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length != in.available()) return null;
        byte[] payload = in.readNBytes(length);
        return hex(sha256().digest(payload)).equals(checksum) ? payload : null;
    }

    @SuppressWarnings("unchecked")
    private static Entry deserialize(byte[] payload) throws IOException, ClassNotFoundException {
        ClassLoader loader = RuleBaseCache.class.getClassLoader();
        List<KiePackage> packages;
        List<RuleTableSheet> tables;
        Set<String> tableRules;
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), loader)) {
            packages = (List<KiePackage>) in.readObject();
            tables = (List<RuleTableSheet>) in.readObject();
            tableRules = (Set<String>) in.readObject();
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration());
        base.addPackages((Collection<KiePackage>) packages);
        return new Entry(base, List.copyOf(tables), Set.copyOf(tableRules));
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", f, e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
