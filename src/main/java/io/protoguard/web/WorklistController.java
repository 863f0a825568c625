package io.protoguard.web;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import io.protoguard.worklist.Worklist;
import io.protoguard.worklist.WorklistItem;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
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
        WorkbookData data = StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), zone, null, protocol.rules());
        List<SubjectData> subjects = data.subjects().stream().filter(s -> site == null || site.isBlank() || site.equals(s.subject().site())).toList();
        List<WorklistItem> items = Worklist.of(protocol.inEffectOn(day).windows(), subjects, new CheckContext(day, zone), days);
        return new WorklistJson(study.id(), day, days, site, items);
    }

    private Study visible(String id, Principal who) {
        Study study = studies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
        if (!access.scopeOf(who).coversStudy(study)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id);
        return study;
    }
}
