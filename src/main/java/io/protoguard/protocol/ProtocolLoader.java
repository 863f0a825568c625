package io.protoguard.protocol;

import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.rules.ProtocolRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Loads a protocol folder: {@code protocol.properties} (id, title, version, effectiveDate), its decision
 * tables ({@code *.drl.xlsx}) and the shared DRL of {@code rules/}, compiled at run time so an author's
 * edit counts on the next run. Every problem is collected and reported by file, sheet and cell.
 */
public final class ProtocolLoader {
    private final Path sharedRules;

    public ProtocolLoader(Path sharedRules) {
        this.sharedRules = sharedRules;
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
        MessageDigest digest = sha256();
        List<CompiledTable> compiled = new ArrayList<>();
        List<RuleTableSheet> tables = new ArrayList<>();
        List<Path> drlFiles = new ArrayList<>(shared);
        for (Path p : version.files().values()) {
            String file = dir.relativize(p).toString();
            byte[] bytes = read(p, problems);
            if (bytes == null) continue;
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
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
            TableLint.check(read.tables(), problems);
            tables.addAll(read.tables());
            for (RuleTableSheet t : read.tables()) {
                CompiledTable c = compileSheet(t, bytes, problems);
                if (c != null) compiled.add(c);
            }
        }
        TableLint.checkAcross(tables, problems);
        for (Path p : shared) {
            byte[] bytes = read(p, problems);
            if (bytes != null) {
                digest.update(("rules/" + p.getFileName()).getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
        }
        if (!problems.isEmpty()) return null;
        String hash = HexFormat.of().formatHex(digest.digest());
        KieBaseBuilder.Built built = KieBaseBuilder.build(info, hash, compiled, drlFiles, problems);
        if (!problems.isEmpty()) return null;
        DryRun.Result dry = DryRun.collect(built.kieBase(), info, compiled, problems);
        List<ProtocolRule> rules = dry.rules();
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new ProtocolProblem(version.folder().isEmpty() ? info.id() : version.folder(), null, null,
                    "the protocol yields no rules; add decision tables (*.drl.xlsx) with rule rows"));
        }
        if (!problems.isEmpty()) return null;
        return new LoadedProtocol(info, built.kieBase(), rules, dry.tableFacts(), CodeBooks.of(rules), tables, hash);
    }

    private CompiledTable compileSheet(RuleTableSheet t, byte[] bytes, List<ProtocolProblem> problems) {
        try {
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), t.sheet());
            String path = "src/main/resources/io/protoguard/rules/" + t.file().replaceAll("[^A-Za-z0-9]", "_") + "_"
                    + t.sheet().replaceAll("[^A-Za-z0-9]", "_") + ".drl";
            return CompiledTable.of(t, path, drl);
        } catch (RuntimeException e) {
            problems.add(new ProtocolProblem(t.file(), t.sheet(), null, "the decision table cannot be parsed: "
                    + ErrorMapper.clean(String.valueOf(e.getMessage()))));
            return null;
        }
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
