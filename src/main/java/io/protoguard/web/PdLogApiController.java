package io.protoguard.web;

import io.protoguard.pdlog.PdLogCsv;
import io.protoguard.pdlog.PdLogEdit;
import io.protoguard.pdlog.PdLogEntry;
import io.protoguard.pdlog.PdLogRow;
import io.protoguard.pdlog.PdLogXlsx;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/studies/{id}/pd-log}: the site's protocol deviation log (docs/pd-log.md) as JSON, CSV or XLSX, for
 * a period of occurredOn and a site; {@code PUT} (or {@code POST}) {@code /api/studies/{id}/pd-log/{fingerprint}}:
 * the monitor's site columns of one row, a new audited entry each time. Errors are problem+json (ApiProblems); a
 * refused edit is 422 with the field at fault in {@code field}.
 */
@RestController
public class PdLogApiController {
    private final PdLogAccess pdLog;

    public PdLogApiController(PdLogAccess pdLog) {
        this.pdLog = pdLog;
    }

    public record PdLogJson(String studyId, String sites, LocalDate from, LocalDate to, int count, List<PdLogRow> rows) {}

    /** The site columns as the API takes them; dates as text so a bad one is named, not a generic parse error. */
    public record EditJson(String reportedToIrb, String reportedOn, String correctiveAction, String preventiveAction) {
        PdLogEdit edit() {
            LocalDate on;
            try {
                on = reportedOn == null || reportedOn.isBlank() ? null : LocalDate.parse(reportedOn.strip());
            } catch (DateTimeParseException e) {
                throw new PdLogEdit.Invalid("reportedOn", "reportedOn \"" + reportedOn + "\" is not a date: expected YYYY-MM-DD, e.g. 2026-07-01");
            }
            return new PdLogEdit(reportedToIrb, on, correctiveAction, preventiveAction);
        }
    }

    @GetMapping("/api/studies/{id}/pd-log")
    public ResponseEntity<?> log(@PathVariable String id, @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String site,
                                 @RequestParam(defaultValue = "json") String format, Principal who, HttpServletRequest request) throws IOException {
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json, csv or xlsx, not \"" + format + "\"");
        }
        PdLogAccess.Scoped scoped = pdLog.open(id, who, site);
        List<PdLogRow> rows = pdLog.rows(scoped, from, to);
        if (format.equals("json")) return ResponseEntity.ok(new PdLogJson(id, scoped.sitesText(), from, to, rows.size(), rows));
        return download(scoped, rows, format, from, to, who, request.getRemoteAddr());
    }

    /** A CSV or XLSX file of exactly these rows; the page's download links come here too. */
    ResponseEntity<byte[]> download(PdLogAccess.Scoped scoped, List<PdLogRow> rows, String format, LocalDate from, LocalDate to,
                                    Principal who, String remoteAddr) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("csv")) {
            PdLogCsv.write(rows, out);
        } else {
            PdLogXlsx.write(rows, new PdLogXlsx.About(scoped.study().id(), scoped.sitesText(), from, to, who.getName(),
                    OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString()), out);
        }
        pdLog.exported(scoped, format, rows.size(), who, remoteAddr);
        String name = "pd-log-" + scoped.study().id() + (scoped.sites() != null && scoped.sites().size() == 1 ? "-" + scoped.sites().iterator().next() : "")
                + (from != null ? "-from-" + from : "") + (to != null ? "-to-" + to : "") + "." + format;
        MediaType type = format.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
    }

    @PutMapping("/api/studies/{id}/pd-log/{fingerprint}")
    public PdLogEntry put(@PathVariable String id, @PathVariable String fingerprint, @RequestBody EditJson body, Principal who,
                          HttpServletRequest request) {
        return pdLog.edit(id, fingerprint, body.edit(), who, request.getRemoteAddr());
    }

    @PostMapping("/api/studies/{id}/pd-log/{fingerprint}")
    public PdLogEntry post(@PathVariable String id, @PathVariable String fingerprint, @RequestBody EditJson body, Principal who,
                           HttpServletRequest request) {
        return put(id, fingerprint, body, who, request);
    }

    @ExceptionHandler(PdLogEdit.Invalid.class)
    ProblemDetail invalid(PdLogEdit.Invalid e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage() + "; nothing was stored");
        p.setTitle("PD log entry refused");
        p.setProperty("field", e.field());
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }
}
