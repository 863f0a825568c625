package io.protoguard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.model.Deviation;
import io.protoguard.storage.RunQueries;
import io.protoguard.storage.StoredRun;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;

/** The result page of a run, its report downloads, and the history of runs. */
@Controller
public class RunPageController {
    private final RunQueries runs;
    private final RunDownloads downloads;
    private final ProtocolCatalog protocols;
    private final io.protoguard.storage.NightlyQueries nightly;
    private final ObjectMapper json = new ObjectMapper();

    private final io.protoguard.security.SiteAccess access;
    private final io.protoguard.storage.StudyRegistry studies;

    public RunPageController(RunQueries runs, RunDownloads downloads, ProtocolCatalog protocols,
                             io.protoguard.storage.NightlyQueries nightly, io.protoguard.security.SiteAccess access,
                             io.protoguard.storage.StudyRegistry studies) {
        this.access = access;
        this.studies = studies;
        this.runs = runs;
        this.nightly = nightly;
        this.downloads = downloads;
        this.protocols = protocols;
    }

    /** One subject's picture beside how many deviations the table lists for it. */
    public record Timeline(String subjectId, String svg, long deviations, String link) {}

    @GetMapping("/runs/{id}")
    public String result(@PathVariable long id, @RequestParam(required = false) String subject,
                         @RequestParam(required = false) String category, @RequestParam(required = false) String severity,
                         @RequestParam(required = false) String visit, @RequestParam(required = false) String sort,
                         @RequestParam(required = false) String dir, Model model, Principal who) throws IOException {
        StoredRun run = runs.run(id, access.scopeOf(who)).orElseThrow(() -> new RunDownloads.NoSuchRun(id));
        List<Deviation> deviations = runs.deviations(id);
        DeviationTable table = new DeviationTable(id, deviations,
                new DeviationTable.Filter(subject, category, severity, visit, sort, dir), visitOrder(run.protocolId()));
        List<Timeline> timelines = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, String> e : runs.timelines(id).entrySet()) {
            if (subject != null && !subject.isBlank() && !subject.equals(e.getKey())) continue;
            SubjectTimeline t = json.readValue(e.getValue(), SubjectTimeline.class);
            long count = deviations.stream().filter(d -> d.subjectId().equals(e.getKey())).count();
            timelines.add(new Timeline(e.getKey(), new TimelineSvg(t, index++).render(), count, table.subjectLink(e.getKey())));
        }
        model.addAttribute("run", run);
        model.addAttribute("inputErrors", runs.inputErrors(id, "ERROR"));
        model.addAttribute("warnings", runs.inputErrors(id, "WARNING"));
        model.addAttribute("table", table);
        model.addAttribute("rows", table.rows());
        model.addAttribute("timelines", timelines);
        return "result";
    }

    @GetMapping("/runs/{id}/report.{format}")
    public ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable String format, Principal who,
                                         HttpServletRequest request) {
        return downloads.report(id, format, who, request.getRemoteAddr());
    }

    @GetMapping("/history")
    public String history(Model model, Principal who) {
        io.protoguard.storage.SiteScope scope = access.scopeOf(who);
        model.addAttribute("nightlyRuns", NightlyPageController.visible(nightly.runs(100), scope, studies));
        model.addAttribute("runs", runs.latest(500, scope));
        model.addAttribute("categories", List.of(io.protoguard.model.Category.values()));
        return "history";
    }

    /** The protocol's visit order for sorting; alphabetical when the protocol no longer loads. */
    private Map<String, Integer> visitOrder(String protocolId) {
        try {
            return protocols.get(protocolId).latest().visitOrder();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
