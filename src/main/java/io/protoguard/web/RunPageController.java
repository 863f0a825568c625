package io.protoguard.web;

import io.protoguard.security.SiteAccess;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.Paging;
import io.protoguard.storage.ProtocolHints;
import io.protoguard.storage.RunDeviationQueries;
import io.protoguard.storage.RunQueries;
import io.protoguard.storage.StoredRun;
import io.protoguard.storage.StudyRegistry;
import io.protoguard.storage.UploadReviews;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The result page of a run, its report downloads, and the history of runs. The result page reads one page of
 * deviations and one page of subjects from the database (issue 12: a 100,000-subject run opens in under a second);
 * each subject's timeline is fetched when the monitor opens it.
 */
@Controller
public class RunPageController {
    static final int MAX_INPUT_ERRORS_SHOWN = 100;

    private final RunQueries runs;
    private final RunDeviationQueries deviations;
    private final RunDownloads downloads;
    private final ProtocolCatalog protocols;
    private final NightlyQueries nightly;
    private final SiteAccess access;
    private final StudyRegistry studies;
    private final UploadReviews reviews;
    private final ProtocolHints hints;

    public RunPageController(RunQueries runs, RunDeviationQueries deviations, RunDownloads downloads, ProtocolCatalog protocols,
                             NightlyQueries nightly, SiteAccess access, StudyRegistry studies, UploadReviews reviews,
                             ProtocolHints hints) {
        this.runs = runs;
        this.deviations = deviations;
        this.downloads = downloads;
        this.protocols = protocols;
        this.nightly = nightly;
        this.access = access;
        this.studies = studies;
        this.reviews = reviews;
        this.hints = hints;
    }

    @GetMapping("/runs/{id}")
    public String result(@PathVariable long id, @RequestParam(required = false) String subject,
                         @RequestParam(required = false) String category, @RequestParam(required = false) String severity,
                         @RequestParam(required = false) String visit, @RequestParam(required = false) String sort,
                         @RequestParam(required = false) String dir, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size, @RequestParam(required = false) Integer tpage,
                         Model model, Principal who) {
        StoredRun run = runs.run(id, access.scopeOf(who)).orElseThrow(() -> new RunDownloads.NoSuchRun(id));
        RunDeviationQueries.Filter filter = new RunDeviationQueries.Filter(subject, category, severity, visit);
        Paging.Request request = Paging.Request.of(page, size, sort, dir);
        Paging.Page<io.protoguard.model.Deviation> rows = deviations.page(id, filter, request, visitOrder(run.protocolId()));
        DeviationTable table = new DeviationTable(id, run.protocolId(), filter, request, rows, reviews);
        model.addAttribute("run", run);
        model.addAttribute("hint", hints.of(id).orElse(null));
        model.addAttribute("inputErrors", runs.inputErrors(id, "ERROR"));
        model.addAttribute("warnings", runs.inputErrors(id, "WARNING"));
        model.addAttribute("maxErrorsShown", MAX_INPUT_ERRORS_SHOWN);
        model.addAttribute("table", table);
        RunDeviationQueries.Choices choices = deviations.choices(id);
        model.addAttribute("categories", choices.categories());
        model.addAttribute("severities", choices.severities());
        model.addAttribute("visits", sortedVisits(choices.visits(), visitOrder(run.protocolId())));
        model.addAttribute("statuses", io.protoguard.storage.Review.STATUSES);
        Paging.Page<RunDeviationQueries.SubjectRow> subjects = deviations.subjects(id, subject,
                Paging.Request.of(tpage, Paging.DEFAULT_SIZE, null, null));
        model.addAttribute("subjects", subjects);
        model.addAttribute("subjectPageLink", (java.util.function.LongFunction<String>) p -> subjectPageLink(table, p));
        return "result";
    }

    @GetMapping("/runs/{id}/report.{format}")
    public ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable String format, Principal who,
                                         HttpServletRequest request) {
        return downloads.report(id, format, who, request.getRemoteAddr());
    }

    @GetMapping("/history")
    public String history(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                          Model model, Principal who) {
        io.protoguard.storage.SiteScope scope = access.scopeOf(who);
        model.addAttribute("nightlyRuns", NightlyPageController.visible(nightly.runs(20), scope, studies));
        Paging.Request request = Paging.Request.of(page, size, sort == null ? "id" : sort, sort == null ? "desc" : dir);
        model.addAttribute("runs", runs.page(scope, request));
        model.addAttribute("pager", new Pager("/history", request, Map.of()));
        model.addAttribute("categories", List.of(io.protoguard.model.Category.values()));
        return "history";
    }

    private static String subjectPageLink(DeviationTable table, long p) {
        String base = table.pageLink(table.request().page()).replace("#deviations", "");
        return base + (base.contains("?") ? "&" : "?") + "tpage=" + p + "#timelines";
    }

    private static List<String> sortedVisits(List<String> visits, Map<String, Integer> order) {
        return visits.stream().sorted(java.util.Comparator.comparing((String v) -> order.getOrDefault(v, 999))
                .thenComparing(v -> v)).toList();
    }

    /** The protocol's visit order for sorting; alphabetical when the protocol no longer loads. */
    Map<String, Integer> visitOrder(String protocolId) {
        try {
            return protocols.get(protocolId).latest().visitOrder();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
