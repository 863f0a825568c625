package io.protoguard.web;

import io.protoguard.risk.KriStore;
import io.protoguard.risk.RiskSignals;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.security.Principal;
import java.time.LocalDate;
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
 * Central monitoring of a study (docs/central-monitoring.md): the Risk page (a funnel plot per KRI, each site's
 * trend over the last runs) and {@code GET /api/studies/{id}/kris}. A study is visible to those who see all its
 * sites, as on the study page; others get 404 as if it did not exist.
 */
@Controller
public class RiskPageController {
    static final int TREND_RUNS = 10;
    private final RiskSignals signals;
    private final StudyRegistry studies;
    private final SiteAccess access;

    public RiskPageController(RiskSignals signals, StudyRegistry studies, SiteAccess access) {
        this.signals = signals;
        this.studies = studies;
        this.access = access;
    }

    @GetMapping("/studies/{id}/risk")
    public String page(@PathVariable String id, @RequestParam(required = false) Long run, Model model, Principal who) {
        Study study = visible(id, who);
        Long shown = run != null ? run : signals.latestRun(id).orElse(null);
        model.addAttribute("study", study);
        model.addAttribute("run", shown);
        model.addAttribute("kris", shown == null ? List.of() : signals.ofRun(id, shown, TREND_RUNS));
        model.addAttribute("newRed", shown == null ? List.of() : signals.newRed(id, shown));
        return "risk";
    }

    /** The KRIs of a run as the API gives them. */
    public record KriJson(String id, String title, String kind, String method, double overall, double phi, double amber, double red,
                          double minDenominator, List<SiteJson> sites) {}

    public record SiteJson(String site, double numerator, double denominator, Double metric, Double z, Double zUnadjusted, String flag) {}

    public record RunKris(String studyId, Long nightlyRunId, LocalDate asOf, List<KriJson> kris, List<RiskSignals.Signal> newSignals) {}

    @GetMapping(value = "/api/studies/{id}/kris", produces = "application/json")
    @ResponseBody
    public RunKris api(@PathVariable String id, @RequestParam(required = false) Long run, Principal who) {
        visible(id, who);
        Long shown = run != null ? run : signals.latestRun(id).orElse(null);
        if (shown == null) return new RunKris(id, null, null, List.of(), List.of());
        List<RiskSignals.KriView> views = signals.ofRun(id, shown, 1);
        if (views.isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no KRIs of study " + id + " in nightly run " + shown);
        List<KriJson> kris = views.stream().map(v -> new KriJson(v.kriId(), v.title(), v.scores().kind().name(), v.scores().method().name(),
                v.scores().overall(), v.scores().phi(), v.scores().amber(), v.scores().red(), v.minDenominator(),
                v.rows().stream().map(RiskPageController::site).toList())).toList();
        return new RunKris(id, shown, views.get(0).rows().get(0).asOf(), kris, signals.newRed(id, shown));
    }

    private static SiteJson site(KriStore.Row r) {
        return new SiteJson(r.site(), r.numerator(), r.denominator(), r.metric(), r.z(), r.zUnadjusted(), r.flag().name());
    }

    private Study visible(String id, Principal who) {
        Study study = studies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
        if (!access.scopeOf(who).coversStudy(study)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id);
        return study;
    }
}
