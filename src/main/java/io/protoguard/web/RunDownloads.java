package io.protoguard.web;

import io.protoguard.security.SiteAccess;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.RunQueries;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The stored reports of a run as downloads (pages and API); each download is written to the audit log. */
@Service
public class RunDownloads {
    private static final Map<String, MediaType> TYPES = Map.of(
            "json", MediaType.APPLICATION_JSON,
            "csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
            "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final RunQueries runs;
    private final AuditLog audit;

    private final SiteAccess access;

    public RunDownloads(RunQueries runs, AuditLog audit, SiteAccess access) {
        this.access = access;
        this.runs = runs;
        this.audit = audit;
    }

    /** A run the user's sites do not cover answers as if it did not exist. */
    public ResponseEntity<byte[]> report(long runId, String format, java.security.Principal who, String remoteAddr) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(f)) throw new CheckService.BadRequest("report format \"" + format + "\" is not one of json, csv, xlsx");
        if (runs.run(runId, access.scopeOf(who)).isEmpty()) throw new NoSuchRun(runId);
        byte[] content = runs.report(runId, f).orElseThrow(() -> new NoSuchRun(runId));
        audit.record(who.getName(), AuditLog.DOWNLOAD, "run " + runId + " report " + f, remoteAddr);
        // The download's name is made here from the run id, never from the uploaded file's name.
        return ResponseEntity.ok()
                .contentType(TYPES.get(f))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("protoguard-run-" + runId + "-deviations." + f).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** No run with that id. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static final class NoSuchRun extends RuntimeException {
        public NoSuchRun(long runId) {
            super("there is no run " + runId);
        }
    }
}
