package io.protoguard.protocol;

import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.rules.ProtocolRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Loads a protocol folder: {@code protocol.properties} (id, title, version, effectiveDate), its decision
 * tables ({@code *.drl.xlsx}) and the shared DRL of {@code rules/}, compiled at run time so an author's
 * edit counts on the next run. Every problem is collected and reported by file, sheet and cell.
 */
public final class ProtocolLoader {
    private final Path sharedRules;
    private final RuleBaseCache cache;

    /** A loader that keeps compiled rule bases in the standard on-disk cache ({@link RuleBaseCache#standard()}). */
    public ProtocolLoader(Path sharedRules) {
        this(sharedRules, RuleBaseCache.standard());
    }

    /** A loader with its compiled rule bases in {@code cacheDir}; null compiles on every load. */
    public ProtocolLoader(Path sharedRules, Path cacheDir) {
        this(sharedRules, cacheDir == null ? null : new RuleBaseCache(cacheDir));
    }

    private ProtocolLoader(Path sharedRules, RuleBaseCache cache) {
        this.sharedRules = sharedRules;
        this.cache = cache;
    }

    /** The latest version of the protocol in {@code dir}. */
    public LoadedProtocol load(Path dir) throws ProtocolLoadException {
        return loadVersions(dir).latest();
    }

    /** Every version of the protocol in {@code dir}, each compiled to its own KieBase; all or nothing. */
    public ProtocolVersions loadVersions(Path dir) throws ProtocolLoadException {
        String folderId = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            throw new ProtocolLoadException(folderId, List.of(new ProtocolProblem(dir.toString(), null, null,
                    "no such protocol folder")));
        }
        Set<ProtocolProblem> problems = new LinkedHashSet<>();
        List<ProtocolProblem> found = new ArrayList<>();
        List<ProtocolFolder.Version> versions = ProtocolFolder.versions(dir, found);
        problems.addAll(found);
        List<Path> shared = sharedDrl(found);
        problems.addAll(found);
        if (!problems.isEmpty()) throw new ProtocolLoadException(folderId, List.copyOf(problems));
        List<LoadedProtocol> loaded = new ArrayList<>();
        MessageDigest all = sha256();
        for (ProtocolFolder.Version v : versions) {
            List<ProtocolProblem> vp = new ArrayList<>();
            LoadedProtocol p = loadVersion(dir, v, shared, vp);
            problems.addAll(vp);
            if (p != null) {
                loaded.add(p);
                all.update(p.contentHash().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!problems.isEmpty()) throw new ProtocolLoadException(folderId, List.copyOf(problems));
        return new ProtocolVersions(versions.get(0).info().id(), loaded, HexFormat.of().formatHex(all.digest()));
    }

    private LoadedProtocol loadVersion(Path dir, ProtocolFolder.Version version, List<Path> shared,
                                       List<ProtocolProblem> problems) {
        ProtocolInfo info = version.info();
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        String hash = contentHash(dir, version, shared, contents, problems);
        // An unchanged protocol version (same bytes, same engine) passed every check below when it was stored.
        String key = cache == null ? null : RuleBaseCache.key(hash + "\n" + info);
        RuleBaseCache.Entry hit = key == null || !problems.isEmpty() ? null : cache.load(key);
        if (hit != null) {
            DryRun.Result dry = DryRun.collect(hit.base(), info, hit.tableRules(), List.of(), problems);
            if (!problems.isEmpty()) return null;
            return new LoadedProtocol(info, hit.base(), dry.rules(), dry.tableFacts(), CodeBooks.of(dry.rules()),
                    hit.tables(), hash);
        }
        List<CompiledTable> compiled = new ArrayList<>();
        List<RuleTableSheet> tables = new ArrayList<>();
        List<Path> drlFiles = new ArrayList<>(shared);
        List<TableCheck.Checked> checked = new ArrayList<>();
        List<TableCheck.CodeRef> codeRefs = new ArrayList<>();
        for (Path p : version.files().values()) {
            String file = dir.relativize(p).toString();
            byte[] bytes = contents.get(p);
            if (bytes == null) continue; // unreadable: already a problem
            if (file.toLowerCase().endsWith(".drl")) {
                drlFiles.add(p);
                continue;
            }
            TableReader.Result read = TableReader.read(file, bytes);
            problems.addAll(read.problems());
            if (read.tables().isEmpty() && read.problems().isEmpty()) {
                problems.add(new ProtocolProblem(file, null, null, "has no RuleTable, so it adds no rules; "
                        + "a table starts with a cell \"RuleTable <name>\""));
            }
            tables.addAll(read.tables());
            for (RuleTableSheet t : read.tables()) {
                TableCheck.Checked c = TableCheck.check(t, problems, codeRefs);
                if (c != null) checked.add(c);
            }
        }
        TableLint.check(checked.stream().filter(c -> c.kind().compiled()).map(TableCheck.Checked::table).toList(), problems);
        CodeDeclarations.check(checked, codeRefs, problems);
        TableLint.checkAcross(tables, problems);
        if (!problems.isEmpty()) return null; // refused: nothing of it is compiled, nothing runs
        for (TableCheck.Checked c : checked) if (c.kind().compiled()) compiled.add(compile(c));
        KieBase base = KieBaseBuilder.build(info, hash, compiled, drlFiles, problems).kieBase();
        if (!problems.isEmpty()) return null;
        DryRun.Result dry = DryRun.collect(base, info, compiled, problems);
        List<ProtocolRule> rules = dry.rules();
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new ProtocolProblem(version.folder().isEmpty() ? info.id() : version.folder(), null, null,
                    "the protocol yields no rules; add decision tables (*.drl.xlsx) with rule rows"));
        }
        if (!problems.isEmpty()) return null;
        LoadedProtocol loaded = new LoadedProtocol(info, base, rules, dry.tableFacts(), CodeBooks.of(rules), tables, hash);
        problems.addAll(ProtocolLint.check(loaded)); // what protocol check finds, check refuses too
        if (!problems.isEmpty()) return null;
        // Only a protocol version that passed everything is kept; the next load with the same bytes skips the above.
        if (key != null) cache.store(key, new RuleBaseCache.Entry(base, tables, DryRun.tableRules(compiled)));
        return loaded;
    }

    /** SHA-256 over the version's files and the shared DRL (name, then bytes), keeping the bytes read. */
    private static String contentHash(Path dir, ProtocolFolder.Version version, List<Path> shared,
                                      Map<Path, byte[]> contents, List<ProtocolProblem> problems) {
        MessageDigest digest = sha256();
        for (Path p : version.files().values()) {
            byte[] bytes = read(p, problems);
            if (bytes == null) continue;
            contents.put(p, bytes);
            digest.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        for (Path p : shared) {
            byte[] bytes = read(p, problems);
            if (bytes == null) continue;
            digest.update(("rules/" + p.getFileName()).getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The table's rules, generated from its checked cells; the workbook itself never reaches Drools. */
    private static CompiledTable compile(TableCheck.Checked c) {
        RuleTableSheet t = c.table();
        String path = "src/main/resources/io/protoguard/rules/" + t.file().replaceAll("[^A-Za-z0-9]", "_") + "_"
                + t.sheet().replaceAll("[^A-Za-z0-9]", "_") + "_" + t.tableName() + ".drl";
        return CompiledTable.of(t, path, DrlWriter.write(c));
    }

    private List<Path> sharedDrl(List<ProtocolProblem> problems) {
        if (!Files.isDirectory(sharedRules)) {
            problems.add(new ProtocolProblem(sharedRules.toString(), null, null, "the shared rules folder is missing"));
            return List.of();
        }
        try (Stream<Path> s = Files.list(sharedRules)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            problems.add(new ProtocolProblem(sharedRules.toString(), null, null, "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    private static byte[] read(Path p, List<ProtocolProblem> problems) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            problems.add(new ProtocolProblem(p.getFileName().toString(), null, null, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
