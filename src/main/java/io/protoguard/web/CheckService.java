package io.protoguard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckContext;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.SourceRef;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.report.ReportWriters;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.NewRun;
import io.protoguard.storage.RunArchive;
import io.protoguard.storage.SiteScope;
import java.util.Set;
import java.util.TreeSet;
import io.protoguard.storage.UploadFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * One upload, end to end: receive the original, unpack it, read it, check it against the protocol, write the reports
 * and timelines, and store it all as one run (keeping the original by sha256). Bad rows become input errors of the
 * run; a file that cannot be read at all, or that holds subjects of sites the uploader is not assigned, is refused
 * and leaves only an audit entry.
 */
@Service
public class CheckService {
    public static final List<String> REPORT_FORMATS = List.of("json", "csv", "xlsx");

    private final ProtocolCatalog protocols;
    private final UploadFiles files;
    private final RunArchive archive;
    private final AuditLog audit;
    private final UploadUnpacker unpacker;
    private ProtocolFit fit; // set by Spring (issue 12); null in a service built by hand
    private io.protoguard.storage.ProtocolHints hints;
    private final ObjectMapper json = new ObjectMapper();

    public CheckService(ProtocolCatalog protocols, UploadFiles files, RunArchive archive, AuditLog audit,
                        @Value("${protoguard.upload.max-expanded-bytes:209715200}") long maxExpandedBytes) {
        this.protocols = protocols;
        this.files = files;
        this.archive = archive;
        this.audit = audit;
        this.unpacker = new UploadUnpacker(maxExpandedBytes, 200);
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void wrongProtocolHints(ProtocolFit fit, io.protoguard.storage.ProtocolHints hints) {
        this.fit = fit;
        this.hints = hints;
    }

    /** What the caller asked for; asOf null means today in the study's zone, timeZone null means UTC. */
    public record Request(String user, String remoteAddr, String protocolId, LocalDate asOf, String timeZone,
                          String fileName, InputStream content, SiteScope scope) {}

    /**
     * Returns the id of the stored run. Throws UnknownProtocol/BrokenProtocol or BadRequest before anything is stored,
     * Unreadable for a file that cannot be read at all, SitesNotAssigned for subjects of sites not the user's; a refused
     * upload is written to the audit log and leaves neither a run nor a stored file.
     */
    public long check(Request req) throws IOException {
        ProtocolVersions protocol = protocols.get(req.protocolId());
        ZoneId zone = zone(req.timeZone());
        LocalDate asOf = req.asOf() != null ? req.asOf() : LocalDate.now(zone);
        String displayName = UploadUnpacker.printable(req.fileName());
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        Path scratch = files.scratchFolder();
        try (UploadFiles.Incoming incoming = files.receive(req.content())) {
            long t0 = System.nanoTime();
            UploadUnpacker.Unpacked unpacked = unpacker.unpack(incoming.path(), displayName, scratch);
            WorkbookData data = unpacked.readable() == null ? new WorkbookData(List.of(), List.of(), List.of())
                    : StudyInput.read(unpacked.readable(), protocol.codeBook(), zone, null, protocol.rules()); // a workbook, or SDTM domains
            data = new WorkbookData(data.subjects(), concat(unpacked.errors(), data.errors()),
                    concat(unpacked.warnings(), data.warnings()));
            String unreadable = UnreadableUpload.reason(data, displayName);
            String what = displayName + " (sha256 " + incoming.sha256() + ", " + incoming.size() + " bytes)";
            if (unreadable != null) {
                audit.record(req.user(), AuditLog.UPLOAD_REFUSED, what + " cannot be read: " + unreadable, req.remoteAddr());
                throw new Unreadable(unreadable);
            }
            Set<String> sites = new TreeSet<>();
            for (SubjectData s : data.subjects()) {
                if (s.subject() != null && s.subject().site() != null && !s.subject().site().isBlank()) sites.add(s.subject().site().strip());
            }
            Set<String> notAssigned = new TreeSet<>(sites);
            if (req.scope().everything()) notAssigned.clear();
            else notAssigned.removeAll(req.scope().sites());
            if (!notAssigned.isEmpty()) {
                audit.record(req.user(), AuditLog.UPLOAD_REFUSED, what + " holds subjects of sites not assigned to "
                        + req.user() + ": " + String.join(", ", notAssigned), req.remoteAddr());
                throw new SitesNotAssigned(notAssigned);
            }
            long t1 = System.nanoTime();
            CheckContext ctx = new CheckContext(asOf, zone);
            CheckResult result = relabel(new Evaluator(protocol).check(data, asOf, zone), displayName);
            Map<String, String> timelines = timelines(protocol.inEffectOn(asOf), ctx, data);
            long t2 = System.nanoTime();
            Map<String, byte[]> reports = new LinkedHashMap<>();
            for (String format : REPORT_FORMATS) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ReportWriters.forFormat(format).write(result, out);
                reports.put(format, out.toByteArray());
            }
            UploadFiles.Kept kept = incoming.keep();
            long runId = archive.store(new NewRun(kept.sha256(), displayName, unpacked.kind().name(), kept.size(), req.user(),
                    started, protocol.contentHash(), zone.getId(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, result,
                    reports, timelines, sites));
            if (fit != null) {
                final WorkbookData read = data;
                fit.better(unpacked.readable(), zone, req.protocolId(), read).ifPresent(h -> hints.record(runId, h));
            }
            audit.record(req.user(), AuditLog.UPLOAD, "run " + runId + ": " + what + " against " + result.protocol().id() + " "
                    + result.protocol().version() + "; " + result.deviations().size() + " deviations, "
                    + result.inputErrors().size() + " input errors", req.remoteAddr());
            return runId;
        } finally {
            deleteTree(scratch);
        }
    }

    private Map<String, String> timelines(LoadedProtocol protocol, CheckContext ctx, WorkbookData data) throws JsonProcessingException {
        TimelineBuilder builder = new TimelineBuilder(protocol, ctx);
        Map<String, String> result = new LinkedHashMap<>();
        for (SubjectData s : data.subjects()) {
            SubjectTimeline t = builder.build(s);
            if (t != null && !result.containsKey(s.subjectId())) result.put(s.subjectId(), json.writeValueAsString(t));
        }
        return result;
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new BadRequest("time zone \"" + timeZone + "\" is not known (use a name like Europe/Berlin, or UTC)");
        }
    }

    /** The reader names an .xlsx upload by its scratch name; the monitor knows it by the name they uploaded. */
    private static CheckResult relabel(CheckResult r, String displayName) {
        List<Deviation> deviations = r.deviations().stream().map(d -> {
            SourceRef s = d.source();
            if (s == null || !UploadUnpacker.WORKBOOK.equals(s.file())) return d;
            return new Deviation(d.subjectId(), d.category(), d.severity(), d.ruleId(), d.visit(), d.occurredOn(), d.message(),
                    d.expected(), d.actual(), d.citation(), d.citationSource(), new SourceRef(displayName, s.sheet(), s.row()),
                    d.protocolVersion());
        }).toList();
        return new CheckResult(r.protocol(), r.asOf(), r.subjects(), relabel(r.inputErrors(), displayName),
                relabel(r.warnings(), displayName), deviations, r.outcomes());
    }

    private static List<InputError> relabel(List<InputError> errors, String displayName) {
        return errors.stream().map(e -> UploadUnpacker.WORKBOOK.equals(e.file())
                ? new InputError(displayName, e.sheet(), e.row(), e.column(), e.cell(), e.message()) : e).toList();
    }

    private static List<InputError> concat(List<InputError> a, List<InputError> b) {
        List<InputError> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover scratch folder holds a copy of an upload that is kept anyway; nothing is lost
        }
    }

    /** The upload cannot be read at all (not a workbook, damaged, a zip bomb, ...); the message says why in words. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** The upload holds subjects of sites the uploader is not assigned. */
    public static final class SitesNotAssigned extends RuntimeException {
        private final Set<String> sites;

        public SitesNotAssigned(Set<String> sites) {
            super("the upload holds subjects of site" + (sites.size() == 1 ? " " : "s ") + String.join(", ", sites)
                    + ", which " + (sites.size() == 1 ? "is" : "are") + " not assigned to you; nothing was stored (an ADMIN assigns sites)");
            this.sites = Set.copyOf(sites);
        }

        public Set<String> sites() {
            return sites;
        }
    }

    /** A request the service cannot act on; the message says what to change. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
