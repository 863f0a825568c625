package io.protoguard.web;

import io.protoguard.model.Deviation;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.Paging;
import io.protoguard.storage.Review;
import io.protoguard.storage.RunDeviationQueries;
import io.protoguard.storage.RunQueries;
import io.protoguard.storage.StoredRun;
import io.protoguard.storage.UploadReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A run's deviations for the API, filtered, sorted and paged in the database, each with its review in force. */
@RestController
@RequestMapping("/api/runs/{id}/deviations")
@Tag(name = "runs")
public class RunDeviationApiController {
    private final RunQueries runs;
    private final RunDeviationQueries deviations;
    private final UploadReviews reviews;
    private final SiteAccess access;
    private final RunPageController pages;

    public RunDeviationApiController(RunQueries runs, RunDeviationQueries deviations, UploadReviews reviews, SiteAccess access,
                                     RunPageController pages) {
        this.runs = runs;
        this.deviations = deviations;
        this.reviews = reviews;
        this.access = access;
        this.pages = pages;
    }

    /** A deviation and the monitor's verdict on it (status OPEN when never reviewed). */
    public record ReviewedDeviation(Deviation deviation, String fingerprint, String reviewStatus, String reviewReason,
                                    String reviewedBy) {}

    @Operation(summary = "One page of a run's deviations, with the total",
            description = "page from 1 (default 1); size 1..500 (default 50); sort: subject, category, severity, visit, "
                    + "occurredOn, rule (default: the engine's order); dir: asc or desc; subject (prefix), category, "
                    + "severity, visit narrow it")
    @GetMapping
    public Paging.Page<ReviewedDeviation> page(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String category, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String visit, Principal who) {
        StoredRun run = runs.run(id, access.scopeOf(who)).orElseThrow(() -> new RunDownloads.NoSuchRun(id));
        Paging.Page<Deviation> p = deviations.page(id, new RunDeviationQueries.Filter(subject, category, severity, visit),
                Paging.Request.of(page, size, sort, dir), pages.visitOrder(run.protocolId()));
        List<String> fps = p.items().stream().map(d -> UploadReviews.fingerprint(run.protocolId(), d)).toList();
        Map<String, Review> inForce = reviews.inForce(fps);
        List<ReviewedDeviation> rows = new java.util.ArrayList<>();
        for (int i = 0; i < fps.size(); i++) {
            Review r = inForce.get(fps.get(i));
            rows.add(new ReviewedDeviation(p.items().get(i), fps.get(i), r == null ? Review.OPEN : r.status(),
                    r == null ? null : r.reason(), r == null ? null : r.reviewedBy()));
        }
        return new Paging.Page<>(rows, p.page(), p.size(), p.total());
    }
}
