package io.protoguard.web;

import io.protoguard.security.SiteAccess;
import io.protoguard.storage.RunQueries;
import io.protoguard.storage.StoredRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API for runs: upload (giving a run id), the run, its report as JSON, XLSX or CSV, the list of runs. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Upload data workbooks and read the deviations found")
public class RunApiController {
    private final CheckService checks;
    private final RunQueries runs;
    private final RunDownloads downloads;

    private final SiteAccess access;

    public RunApiController(CheckService checks, RunQueries runs, RunDownloads downloads, SiteAccess access) {
        this.access = access;
        this.checks = checks;
        this.runs = runs;
        this.downloads = downloads;
    }

    /** A run as the API shows it. */
    public record RunSummary(long id, String protocolId, String protocolVersion, String protocolHash, LocalDate asOf,
                             String timeZone, String runBy, OffsetDateTime startedAt, String fileName, String sha256,
                             long sizeBytes, String fileKind, long readMillis, long checkMillis, int subjects,
                             int inputErrors, int warnings, int deviations, Map<String, Integer> deviationsByCategory,
                             Map<String, String> reports) {
        static RunSummary of(StoredRun r) {
            String base = "/api/runs/" + r.id() + "/report?format=";
            return new RunSummary(r.id(), r.protocolId(), r.protocolVersion(), r.protocolHash(), r.asOf(), r.timeZone(),
                    r.runBy(), r.startedAt(), r.upload().fileName(), r.upload().sha256(), r.upload().sizeBytes(),
                    r.upload().fileKind(), r.readMillis(), r.checkMillis(), r.subjects(), r.inputErrors(), r.warnings(),
                    r.deviations(), r.byCategory(), Map.of("json", base + "json", "xlsx", base + "xlsx", "csv", base + "csv"));
        }
    }

    @Operation(summary = "Upload a workbook (.xlsx) or a .zip of CSV files and check it",
            description = "Stores the upload and the run; input errors do not fail the call, they are part of the run. "
                    + "Answers 201 with the run and its Location; 422 when the file cannot be read at all (nothing is stored); "
                    + "403 when it holds subjects of sites not assigned to you.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RunSummary> upload(
            @Parameter(description = "protocol id, see GET /api/protocols") @RequestParam String protocol,
            @Parameter(description = "windows closing after this date are pending (YYYY-MM-DD; default today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "the study's time zone for date-times without offset (default UTC)")
            @RequestParam(required = false) String timeZone,
            @RequestPart MultipartFile file, Principal who, HttpServletRequest request) throws IOException {
        if (file.isEmpty()) throw new CheckService.BadRequest("the uploaded file is empty");
        long id;
        try (InputStream in = file.getInputStream()) {
            id = checks.check(new CheckService.Request(who.getName(), request.getRemoteAddr(), protocol, asOf, timeZone,
                    file.getOriginalFilename(), in, access.scopeOf(who)));
        }
        return ResponseEntity.created(URI.create("/api/runs/" + id)).body(RunSummary.of(runs.run(id).orElseThrow()));
    }

    @Operation(summary = "One page of the runs, sorted (default newest first), with the total",
            description = "page counts from 1; size 1..500 (default 50); sort: id, startedAt, runBy, protocol, asOf, "
                    + "subjects, inputErrors, deviations; dir: asc or desc")
    @GetMapping(params = "page")
    public io.protoguard.storage.Paging.Page<RunSummary> page(@RequestParam int page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Principal who) {
        var p = runs.page(access.scopeOf(who), io.protoguard.storage.Paging.Request.of(page, size, sort == null ? "id" : sort,
                sort == null ? "desc" : dir));
        return new io.protoguard.storage.Paging.Page<>(p.items().stream().map(RunSummary::of).toList(), p.page(), p.size(), p.total());
    }

    @Operation(summary = "The latest runs, newest first")
    @GetMapping
    public List<RunSummary> list(@RequestParam(defaultValue = "100") int limit, Principal who) {
        return runs.latest(Math.max(1, Math.min(limit, 1000)), access.scopeOf(who)).stream().map(RunSummary::of).toList();
    }

    @Operation(summary = "One run")
    @GetMapping("/{id}")
    public RunSummary run(@PathVariable long id, Principal who) {
        return RunSummary.of(runs.run(id, access.scopeOf(who)).orElseThrow(() -> new RunDownloads.NoSuchRun(id)));
    }

    @Operation(summary = "The run's report as stored at check time", description = "format: json (default), xlsx or csv")
    @GetMapping("/{id}/report")
    public ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(defaultValue = "json") String format,
                                         Principal who, HttpServletRequest request) {
        return downloads.report(id, format, who, request.getRemoteAddr());
    }
}
