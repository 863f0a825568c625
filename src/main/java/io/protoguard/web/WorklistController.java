package io.protoguard.web;

import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import io.protoguard.worklist.StudyWorklist;
import io.protoguard.worklist.WorklistItem;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import io.protoguard.report.WorklistReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Worklist page and {@code GET /api/studies/{id}/worklist}: what is coming due at the study's sites, read from the
 * study's latest data on request (as of today in the study's zone unless {@code asOf} is given). A user sees a
 * study only when all its sites are theirs, as on the study page; {@code site} narrows the list to one site.
 */
@Controller
public class WorklistController {
    private final StudyRegistry studies;
    private final ProtocolCatalog protocols;
    private final SiteAccess access;

    public WorklistController(StudyRegistry studies, ProtocolCatalog protocols, SiteAccess access) {
        this.studies = studies;
        this.protocols = protocols;
        this.access = access;
    }

    public record WorklistJson(String studyId, LocalDate asOf, int days, String site, List<WorklistItem> items) {}

    @GetMapping(value = "/api/studies/{id}/worklist", produces = "application/json")
    @ResponseBody
    public WorklistJson api(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                            @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String site, Principal who) {
        return compute(visible(id, who), asOf, days, site);
    }

    /** The page's view as a file: {@code format=xlsx} or {@code csv}, same parameters and site scope as the JSON. */
    @GetMapping(value = "/api/studies/{id}/worklist", params = "format")
    public ResponseEntity<byte[]> apiFile(@PathVariable String id, @RequestParam String format,
                                                         @RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "7") int days,
                                                         @RequestParam(required = false) String site, Principal who) {
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be xlsx or csv, not " + format);
        }
        return file(compute(visible(id, who), asOf, days, site), format);
    }

    @GetMapping("/studies/{id}/worklist.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                                                      @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String site, Principal who) {
        return file(compute(visible(id, who), asOf, days, site), "xlsx");
    }

    @GetMapping("/studies/{id}/worklist.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                                                     @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String site, Principal who) {
        return file(compute(visible(id, who), asOf, days, site), "csv");
    }

    private static ResponseEntity<byte[]> file(WorklistJson w, String format) {
        WorklistReport.View view = new WorklistReport.View(w.studyId(), w.asOf(), w.days(), w.site(), w.items());
        // the file name says what is in it; study and site ids are [A-Za-z0-9_-] but are cleaned anyway for the header
        String name = ("worklist-" + w.studyId() + (w.site() == null || w.site().isBlank() ? "" : "-" + w.site()) + "-" + w.asOf())
                .replaceAll("[^A-Za-z0-9_.-]", "_") + "." + format;
        MediaType type = format.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // a worklist is small (a row per window due within days), so it is built whole: an error becomes a status, not a cut file
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            if (format.equals("csv")) WorklistReport.csv(view, body);
            else WorklistReport.xlsx(view, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString()).body(body.toByteArray());
    }

    @GetMapping("/studies/{id}/worklist")
    public String page(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                       @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String site, Model model, Principal who) {
        Study study = visible(id, who);
        model.addAttribute("study", study);
        model.addAttribute("worklist", compute(study, asOf, days, site));
        return "worklist";
    }

    private WorklistJson compute(Study study, LocalDate asOf, int days, String site) {
        if (days < 0 || days > 366) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be 0 to 366, not " + days);
        ZoneId zone = ZoneId.of(study.timeZone());
        LocalDate day = asOf != null ? asOf : LocalDate.now(zone);
        ProtocolVersions protocol = protocols.get(study.protocolId());
        if (protocol == null) throw new ResponseStatusException(HttpStatus.CONFLICT, "protocol " + study.protocolId() + " is not loaded");
        List<WorklistItem> items = StudyWorklist.of(protocol, Path.of(study.dataPath()), zone, day, days, site);
        return new WorklistJson(study.id(), day, days, site, items);
    }

    private Study visible(String id, Principal who) {
        Study study = studies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
        if (!access.scopeOf(who).coversStudy(study)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id);
        return study;
    }
}
