package io.protoguard.web;

import io.protoguard.security.SiteAccess;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.SiteScope;
import java.util.HashSet;
import java.util.Set;
import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.Observation;
import io.protoguard.storage.Review;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The nightly run's pages: a nightly run with each study's outcome; the studies (ADMIN adds and edits them); a
 * study's deviations with their lifecycle state as of any of its checks, and the monitor's review of each.
 */
@Controller
public class NightlyPageController {
    private final NightlyQueries nightly;
    private final StudyRegistry studies;
    private final DeviationReviews reviews;
    private final ProtocolCatalog protocols;
    private final AuditLog audit;

    private final SiteAccess access;
    private final SignalDeviations signalDeviations;

    public NightlyPageController(NightlyQueries nightly, StudyRegistry studies, DeviationReviews reviews, ProtocolCatalog protocols,
                                 AuditLog audit, SiteAccess access) {
        this.access = access;
        this.signalDeviations = new SignalDeviations(protocols);
        this.nightly = nightly;
        this.studies = studies;
        this.reviews = reviews;
        this.protocols = protocols;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    @GetMapping("/nightly/{id}")
    public String run(@PathVariable long id, Model model, Principal who) {
        NightlyQueries.RunSummary summary = nightly.run(id).orElseThrow(() -> new NotFound("no nightly run " + id));
        model.addAttribute("summary", visible(List.of(summary), access.scopeOf(who), studies).get(0));
        return "nightly-run";
    }

    /** Each nightly run with only the studies the scope covers (its counts are then theirs alone). */
    static List<NightlyQueries.RunSummary> visible(List<NightlyQueries.RunSummary> runs, SiteScope scope, StudyRegistry studies) {
        if (scope.everything()) return runs;
        Set<String> mine = new HashSet<>();
        for (Study s : studies.all()) if (scope.coversStudy(s)) mine.add(s.id());
        return runs.stream().map(r -> new NightlyQueries.RunSummary(r.run(), r.status(), r.started(), r.ended(), r.executions(),
                r.studies().stream().filter(s -> mine.contains(s.studyId())).toList())).toList();
    }

    private Study visibleStudy(String id, Principal who) {
        Study study = studies.find(id).orElseThrow(() -> new NotFound("no study " + id));
        if (!access.scopeOf(who).coversStudy(study)) throw new NotFound("no study " + id); // not theirs: as if it did not exist
        return study;
    }

    @GetMapping("/studies")
    public String studies(@RequestParam(required = false) String edit, Model model, Principal who) {
        SiteScope scope = access.scopeOf(who);
        model.addAttribute("studies", studies.all().stream().filter(scope::coversStudy).toList());
        model.addAttribute("protocolIds", protocols.ids());
        model.addAttribute("editing", edit == null ? null : studies.find(edit).orElse(null));
        return "studies";
    }

    @PostMapping("/admin/studies")
    public String save(@RequestParam String id, @RequestParam String protocol, @RequestParam(defaultValue = "") String sites,
                       @RequestParam String data, @RequestParam(defaultValue = "UTC") String timeZone,
                       @RequestParam(defaultValue = "false") boolean active, Principal who, HttpServletRequest request,
                       RedirectAttributes flash) {
        List<String> siteList = Arrays.stream(sites.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        Study study = new Study(id.strip(), protocol.strip(), siteList, data.strip(), timeZone.strip(), active, null, who.getName());
        try {
            boolean added = studies.save(study);
            audit.record(who.getName(), AuditLog.STUDY_CHANGED, (added ? "added " : "changed ") + study.id() + ": protocol " + study.protocolId()
                    + ", sites " + String.join(",", siteList) + ", data " + study.dataPath() + ", time zone " + study.timeZone()
                    + (active ? "" : ", inactive"), request.getRemoteAddr());
            flash.addFlashAttribute("message", "Study " + study.id() + (added ? " added." : " saved."));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/studies";
    }

    /** One row of a study page: the observation, the review in force and when the deviation was first seen. */
    public record Row(Observation observation, Review review, java.time.LocalDate firstSeen) {}

    @GetMapping("/studies/{id}")
    public String study(@PathVariable String id, @RequestParam(required = false) Long run, @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                        @RequestParam(required = false) String dir, @RequestParam(required = false) String site,
                        @RequestParam(required = false) String kri, Model model, Principal who) {
        Study study = visibleStudy(id, who);
        SignalDeviations.Filter filter = signalDeviations.of(study, site, kri); // a KRI signal's "deviations behind it"
        model.addAttribute("filter", filter);
        List<NightlyQueries.StudyCheckAt> checks = nightly.checksOf(id);
        NightlyQueries.StudyCheckAt shown = run == null ? (checks.isEmpty() ? null : checks.get(0))
                : checks.stream().filter(c -> c.run().id() == run).findFirst().orElseThrow(() -> new NotFound("study " + id + " was not checked in run " + run));
        model.addAttribute("study", study);
        model.addAttribute("checks", checks);
        model.addAttribute("shown", shown);
        model.addAttribute("latest", shown != null && shown == checks.get(0));
        model.addAttribute("statuses", Review.STATUSES);
        if (shown != null) {
            // An earlier run is shown as it was: the reviews in force when that check was recorded; the latest with today's.
            OffsetDateTime at = shown == checks.get(0) ? OffsetDateTime.now(ZoneOffset.UTC) : checks.get(checks.indexOf(shown) - 1).check().recordedAt();
            Map<String, Review> inForce = reviews.inForce(id, at);
            Map<String, java.time.LocalDate> firstSeen = nightly.firstSeen(id);
            io.protoguard.storage.Paging.Request request = io.protoguard.storage.Paging.Request.of(page, size, sort, dir);
            io.protoguard.storage.Paging.Page<io.protoguard.storage.Observation> observed = nightly.observations(shown.check().id(), request,
                    filter == null ? null : filter.narrowing());
            model.addAttribute("rows", observed.items().stream()
                    .map(o -> new Row(o, inForce.get(o.fingerprint()), firstSeen.get(o.fingerprint()))).toList());
            model.addAttribute("observed", observed);
            model.addAttribute("pager", new Pager("/studies/" + id, request, Map.of("run", run == null ? "" : run.toString(),
                    "site", site == null ? "" : site, "kri", kri == null ? "" : kri)));
        }
        return "study";
    }

    @PostMapping("/studies/{id}/reviews")
    public String review(@PathVariable String id, @RequestParam String fingerprint, @RequestParam String status,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String comment, Principal who,
                         HttpServletRequest request, RedirectAttributes flash) {
        visibleStudy(id, who);
        try {
            if (!nightly.firstSeen(id).containsKey(fingerprint)) throw new IllegalArgumentException("study " + id + " has no such deviation");
            Review r = reviews.add(fingerprint, status, reason, comment, who.getName());
            audit.record(who.getName(), AuditLog.DEVIATION_REVIEWED, "study " + id + ", deviation " + fingerprint.substring(0, Math.min(12, fingerprint.length()))
                    + ": " + r.status() + (r.reason() == null ? "" : " (" + r.reason() + ")"), request.getRemoteAddr());
            flash.addFlashAttribute("message", "Review saved: " + r.status() + ".");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/studies/" + id;
    }
}
