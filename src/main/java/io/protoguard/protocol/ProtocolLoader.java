package io.protoguard.protocol;

import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.rules.ProtocolRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
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

    public LoadedProtocol load(Path dir) throws ProtocolLoadException {
        List<ProtocolProblem> problems = new ArrayList<>();
        String folderId = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            throw new ProtocolLoadException(folderId, List.of(new ProtocolProblem(dir.toString(), null, null,
                    "no such protocol folder")));
        }
        ProtocolInfo info = descriptor(dir, folderId, problems);
        List<Path> tableFiles = new ArrayList<>();
        List<Path> drlFiles = new ArrayList<>();
        MessageDigest digest = sha256();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString(), lower = name.toLowerCase();
                if (lower.startsWith("~$") || lower.startsWith(".~lock")) continue; // Office lock files
                if (lower.endsWith(".drl.xlsx")) tableFiles.add(p);
                else if (lower.endsWith(".drl")) drlFiles.add(p);
                else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv")) {
                    problems.add(new ProtocolProblem(name, null, null, "Drools ignores this file name, so its rules would "
                            + "be lost; rename it to " + name.replaceFirst("\\.(?i)(xlsx|xls|csv)$", "") + ".drl.xlsx"));
                }
            }
        } catch (IOException e) {
            problems.add(new ProtocolProblem(dir.toString(), null, null, "cannot list the folder: " + e.getMessage()));
        }
        List<Path> shared = sharedDrl(problems);

        List<CompiledTable> compiled = new ArrayList<>();
        List<RuleTableSheet> tables = new ArrayList<>();
        for (Path p : tableFiles) {
            String file = p.getFileName().toString();
            byte[] bytes = read(p, problems);
            if (bytes == null) continue;
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            TableReader.Result read = TableReader.read(file, bytes);
            problems.addAll(read.problems());
            if (read.tables().isEmpty() && read.problems().isEmpty()) {
                problems.add(new ProtocolProblem(file, null, null, "has no RuleTable, so it adds no rules; "
                        + "a table starts with a cell \"RuleTable <name>\""));
            }
            TableLint.check(read.tables(), problems);
            tables.addAll(read.tables());
            for (RuleTableSheet t : read.tables()) compiled.add(compileSheet(t, bytes, problems));
        }
        TableLint.checkAcross(tables, problems);
        for (Path p : Stream.concat(shared.stream(), drlFiles.stream()).toList()) {
            byte[] bytes = read(p, problems);
            if (bytes != null) {
                digest.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
        }
        if (!problems.isEmpty()) throw new ProtocolLoadException(info.id(), problems);

        String hash = HexFormat.of().formatHex(digest.digest());
        KieBaseBuilder.Built built = KieBaseBuilder.build(info, hash, compiled.stream().filter(c -> c != null).toList(),
                Stream.concat(shared.stream(), drlFiles.stream()).toList(), problems);
        if (!problems.isEmpty()) throw new ProtocolLoadException(info.id(), problems);
        List<ProtocolRule> rules = DryRun.collect(built.kieBase(), info, tables, problems);
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new ProtocolProblem(dir.getFileName() + "", null, null, "the protocol yields no rules; "
                    + "add decision tables (*.drl.xlsx) with rule rows"));
        }
        if (!problems.isEmpty()) throw new ProtocolLoadException(info.id(), problems);
        return new LoadedProtocol(info, built.kieBase(), rules, CodeBooks.of(rules), tables, hash);
    }

    private CompiledTable compileSheet(RuleTableSheet t, byte[] bytes, List<ProtocolProblem> problems) {
        try {
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), t.sheet());
            String path = "src/main/resources/io/protoguard/rules/" + t.file().replaceAll("[^A-Za-z0-9]", "_") + "_"
                    + t.sheet().replaceAll("[^A-Za-z0-9]", "_") + ".drl";
            return new CompiledTable(t, path, drl);
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

    private static ProtocolInfo descriptor(Path dir, String folderId, List<ProtocolProblem> problems) {
        Path file = dir.resolve("protocol.properties");
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            problems.add(new ProtocolProblem("protocol.properties", null, null, "is missing or unreadable; it needs "
                    + "id, title, version and effectiveDate (YYYY-MM-DD)"));
            return new ProtocolInfo(folderId, folderId, "?", null);
        }
        String id = p.getProperty("id", folderId).trim();
        if (!id.equals(folderId)) {
            problems.add(new ProtocolProblem("protocol.properties", null, null, "id \"" + id + "\" differs from the folder "
                    + "name \"" + folderId + "\"; make them equal"));
        }
        for (String key : List.of("title", "version", "effectiveDate")) {
            if (p.getProperty(key, "").isBlank()) problems.add(new ProtocolProblem("protocol.properties", null, null, key + " is missing"));
        }
        LocalDate effective = null;
        try {
            if (!p.getProperty("effectiveDate", "").isBlank()) effective = LocalDate.parse(p.getProperty("effectiveDate").trim());
        } catch (DateTimeParseException e) {
            problems.add(new ProtocolProblem("protocol.properties", null, null, "effectiveDate \"" + p.getProperty("effectiveDate")
                    + "\" is not a date (expected YYYY-MM-DD)"));
        }
        return new ProtocolInfo(id, p.getProperty("title", id).trim(), p.getProperty("version", "?").trim(), effective);
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
