package io.protoguard.web;

import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.UploadFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * AUTHOR: replaces one decision table of a protocol with an uploaded workbook. The protocol is first compiled
 * from a copy with the new table; only if it compiles does the table replace the old one (atomically), and the
 * old one is kept under {@code <data-dir>/protocol-history/}. The table to replace is chosen from the files the
 * folder holds, so the uploaded file's own name never reaches a path.
 */
@Service
public class ProtocolTableEditor {
    private final ProtocolCatalog catalog;
    private final UploadFiles files;
    private final AuditLog audit;
    private final Path history;

    public ProtocolTableEditor(ProtocolCatalog catalog, UploadFiles files, AuditLog audit,
                               @Value("${protoguard.data-dir:./data}") Path dataDir) {
        this.catalog = catalog;
        this.files = files;
        this.audit = audit;
        this.history = dataDir.toAbsolutePath().normalize().resolve("protocol-history");
    }

    /** The outcome: problems empty when the table was replaced. */
    public record Outcome(boolean replaced, List<String> problems) {}

    /** The decision-table files of a protocol, by name. */
    public List<String> tables(String protocolId) {
        try (Stream<Path> s = Files.list(folder(protocolId))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase().endsWith(".drl.xlsx")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public synchronized Outcome replace(String protocolId, String table, InputStream content, String user, String remoteAddr)
            throws IOException {
        Path dir = folder(protocolId);
        if (!tables(protocolId).contains(table)) {
            throw new CheckService.BadRequest("protocol " + protocolId + " has no table \"" + table + "\"; tables: "
                    + String.join(", ", tables(protocolId)));
        }
        Path target = dir.resolve(table);
        Path scratch = files.scratchFolder();
        try {
            Path copy = Files.createDirectories(scratch.resolve(protocolId));
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, copy.resolve(p.getFileName().toString()));
            }
            Path candidate = copy.resolve(table);
            Files.copy(content, candidate, StandardCopyOption.REPLACE_EXISTING);
            try {
                new ProtocolLoader(catalog.home().resolve("rules")).load(copy);
            } catch (ProtocolLoadException e) {
                // Refused before anything of it was compiled or run (the table vocabulary of io.protoguard.protocol);
                // the attempt is audited with its first problems, so a refused upload is not silent.
                List<String> problems = e.problems().stream().map(ProtocolProblem::describe).toList();
                audit.record(user, AuditLog.PROTOCOL_BROKEN, protocolId + ": upload of table " + table + " refused, nothing "
                        + "changed (" + problems.size() + " problem(s)): " + String.join("; ", problems.subList(0, Math.min(3,
                        problems.size()))), remoteAddr);
                return new Outcome(false, problems);
            }
            Path kept = Files.createDirectories(history.resolve(protocolId)).resolve(
                    OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + "-" + table);
            Files.copy(target, kept, StandardCopyOption.REPLACE_EXISTING);
            Path incoming = dir.resolve(".incoming-" + UUID.randomUUID());
            Files.copy(candidate, incoming);
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            audit.record(user, AuditLog.PROTOCOL_CHANGED, protocolId + ": table " + table + " replaced (previous kept as "
                    + history.relativize(kept) + ")", remoteAddr);
            catalog.entry(protocolId); // recompile now, so the next upload does not wait
            return new Outcome(true, List.of());
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Path folder(String protocolId) {
        if (!catalog.ids().contains(protocolId)) throw new ProtocolCatalog.UnknownProtocol(protocolId);
        return catalog.home().resolve("decision-tables").resolve(protocolId);
    }
}
