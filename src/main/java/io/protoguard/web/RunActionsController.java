package io.protoguard.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.report.ReportWriters;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.Paging;
import io.protoguard.storage.RunDeviationQueries;
import io.protoguard.storage.RunQueries;
import io.protoguard.storage.StoredRun;
import io.protoguard.storage.UploadFiles;
import io.protoguard.storage.UploadReviews;
import io.protoguard.storage.Review;
import io.protoguard.report.ReviewNote;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a monitor does from a result page besides reading it: open one subject's timeline (fetched on demand), download
 * exactly the filtered view, review a deviation, and check the same upload again with the protocol it fits.
 */
@Controller
public class RunActionsController {
    private static final Map<String, MediaType> TYPES = Map.of("json", MediaType.APPLICATION_JSON,
            "csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
            "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final RunQueries runs;
    private final RunDeviationQueries deviations;
    private final SiteAccess access;
    private final UploadReviews reviews;
    private final AuditLog audit;
    private final CheckService checks;
    private final UploadFiles files;
    private final RunPageController pages;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunActionsController(RunQueries runs, RunDeviationQueries deviations, SiteAccess access, UploadReviews reviews,
                                AuditLog audit, CheckService checks, UploadFiles files, RunPageController pages) {
        this.runs = runs;
        this.deviations = deviations;
        this.access = access;
        this.reviews = reviews;
        this.audit = audit;
        this.checks = checks;
        this.files = files;
        this.pages = pages;
    }

    /** One subject's timeline as a standalone SVG: shown inline on the result page, or downloaded (download=1). */
    @GetMapping("/runs/{id}/timelines/{subject}.svg")
    public ResponseEntity<String> timeline(@PathVariable long id, @PathVariable String subject,
                                           @RequestParam(required = false) String download, Principal who) throws IOException {
        visible(id, who);
        String stored = deviations.timeline(id, subject);
        if (stored == null) throw new NightlyPageController.NotFound("run " + id + " has no timeline for subject " + subject);
        String svg = new TimelineSvg(json.readValue(stored, SubjectTimeline.class), 0).render();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        if (download != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("protoguard-run-" + id + "-timeline-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + ".svg").build().toString());
        }
        return ok.body(svg);
    }

    /** Exactly the rows of the filtered view (all its pages), in the report format asked for. */
    @GetMapping("/runs/{id}/deviations.{format}")
    public ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format,
                                         @RequestParam(required = false) String subject, @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String severity, @RequestParam(required = false) String visit,
                                         @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                                         Principal who, HttpServletRequest request) throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(f)) throw new CheckService.BadRequest("format \"" + format + "\" is not one of json, csv, xlsx");
        StoredRun run = visible(id, who);
        RunDeviationQueries.Filter filter = new RunDeviationQueries.Filter(subject, category, severity, visit);
        List<Deviation> rows = deviations.all(id, filter, Paging.Request.of(1, 1, sort, dir), pages.visitOrder(run.protocolId()));
        CheckResult result = new CheckResult(new ProtocolInfo(run.protocolId(), run.protocolId(), run.protocolVersion(), null),
                run.asOf(), run.subjects(), List.of(), List.of(), rows, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Each row with the review in force for its identity (SPEC 8), so the export says what the monitor decided.
        // All of the protocol's verdicts (a few per run at most), not an IN list as long as the export.
        Map<String, Review> inForce = reviews.inForce(run.protocolId());
        ReportWriters.withReviews(f, d -> note(inForce.get(UploadReviews.fingerprint(run.protocolId(), d)))).write(result, out);
        audit.record(who.getName(), AuditLog.DOWNLOAD, "run " + id + " filtered view (" + rows.size() + " deviations; subject "
                + text(subject) + ", category " + text(category) + ", severity " + text(severity) + ", visit " + text(visit) + ") " + f,
                request.getRemoteAddr());
        return ResponseEntity.ok().contentType(TYPES.get(f))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("protoguard-run-" + id + "-filtered." + f).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(out.toByteArray());
    }

    private static ReviewNote note(Review r) {
        if (r == null) return ReviewNote.NONE;
        return new ReviewNote(r.status(), r.reason(), r.comment(), r.reviewedBy(), r.reviewedAt() == null ? null : r.reviewedAt().toString());
    }

    /** A verdict on one deviation of the run; the deviation is named by its identity and must be in the run. */
    @PostMapping("/runs/{id}/reviews")
    public String review(@PathVariable long id, @RequestParam String subjectId, @RequestParam String ruleId,
                         @RequestParam(required = false) String visit,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                         @RequestParam String status, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String comment, @RequestParam(required = false) String back,
                         Principal who, HttpServletRequest request, RedirectAttributes flash) {
        StoredRun run = visible(id, who);
        Deviation d = deviations.find(id, subjectId, ruleId, visit, occurredOn)
                .orElseThrow(() -> new CheckService.BadRequest("run " + id + " has no such deviation of subject " + subjectId));
        try {
            var r = reviews.add(id, run.protocolId(), d, status, reason, comment, who.getName());
            audit.record(who.getName(), AuditLog.DEVIATION_REVIEWED, "run " + id + " (" + run.protocolId() + "): " + subjectId + " "
                    + ruleId + (visit == null || visit.isBlank() ? "" : " " + visit) + (occurredOn == null ? "" : " " + occurredOn)
                    + " -> " + r.status() + (r.reason() == null ? "" : ": " + r.reason()), request.getRemoteAddr());
            flash.addFlashAttribute("message", subjectId + " " + ruleId + ": " + r.status());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "Review not saved: " + e.getMessage() + ".");
        }
        return "redirect:" + (back != null && back.startsWith("/runs/" + id) ? back : "/runs/" + id + "#deviations");
    }

    /** The same stored upload checked again, against the protocol the monitor now chose (one click from the hint). */
    @PostMapping("/runs/{id}/recheck")
    public String recheck(@PathVariable long id, @RequestParam String protocol, Principal who, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        StoredRun run = visible(id, who);
        try (InputStream in = Files.newInputStream(files.original(run.upload().sha256()))) {
            long again = checks.check(new CheckService.Request(who.getName(), request.getRemoteAddr(), protocol, run.asOf(),
                    run.timeZone(), run.upload().fileName(), in, access.scopeOf(who)));
            LastProtocol.remember(response, protocol);
            return "redirect:/runs/" + again;
        }
    }

    private StoredRun visible(long id, Principal who) {
        return runs.run(id, access.scopeOf(who)).orElseThrow(() -> new RunDownloads.NoSuchRun(id));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "all" : "\"" + s + "\"";
    }
}
