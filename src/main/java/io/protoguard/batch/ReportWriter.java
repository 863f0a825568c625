package io.protoguard.batch;

import io.protoguard.report.AtomicFile;
import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.NightlyRun;
import io.protoguard.risk.RiskSignals;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.StudyRun;
import io.protoguard.protocol.ProtocolCache;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.worklist.StudyWorklist;
import io.protoguard.worklist.Worklist;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * After the studies, whether all of them were checked or some failed: one XLSX per checked study, from committed
 * rows only, written whole or not at all. A report already on disk is kept, so a restart writes exactly the ones a
 * kill left missing, and those of studies that failed before and are checked now. (A listener, not a step: in a
 * Spring Batch flow, any step after a failed one marks it ABANDONED, and an abandoned step is never retried.)
 */
public final class ReportWriter implements JobExecutionListener {
    private final NightlyStore store;
    private final NightlyQueries queries;
    private final DeviationReviews reviews;
    private final Path reportDir;
    private final RiskSignals risk;
    private final ProtocolCache protocols;

    public ReportWriter(NightlyStore store, NightlyQueries queries, DeviationReviews reviews, Path reportDir, RiskSignals risk,
                        ProtocolCache protocols) {
        this.risk = risk;
        this.protocols = protocols;
        this.store = store;
        this.queries = queries;
        this.reviews = reviews;
        this.reportDir = reportDir;
    }

    /** {@code <dir>/<as-of>/<study>.xlsx}; an explicit rerun gets its own folder so no earlier report is replaced. */
    public static Path reportFile(Path dir, NightlyRun run, String studyId) {
        String folder = run.asOf() + (run.rerun() ? "-run" + run.id() : "");
        return dir.resolve(folder).resolve(studyId + ".xlsx");
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            writeMissing(store.runForJobInstance(execution.getJobInstance().getInstanceId()).orElseThrow());
        } catch (IOException | RuntimeException e) {
            // The job repository records this execution as FAILED, so the next start for this as-of date tries again.
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("reports could not be written to " + reportDir + ": " + e));
        }
    }

    void writeMissing(NightlyRun run) throws IOException {
        for (StudyRun check : queries.outcomes(run.id())) {
            if (!check.checked()) continue;
            Path file = reportFile(reportDir, run, check.studyId());
            if (Files.exists(file)) continue;
            Files.createDirectories(file.getParent());
            NightlyReport.Content content = new NightlyReport.Content(run, check, queries.observations(check.id()),
                    reviews.inForce(check.studyId(), OffsetDateTime.now(ZoneOffset.UTC)), queries.firstSeen(check.studyId()),
                    risk.ofRun(check.studyId(), run.id(), 10), risk.newRed(check.studyId(), run.id()), dueSoon(check, run));
            AtomicFile.write(file, out -> NightlyReport.write(content, out));
        }
    }

    /**
     * The study's worklist as of the run's date, read from the data folder the run checked. A protocol or data that
     * cannot be read again costs the sheet its list (it says why), never the report.
     */
    private NightlyReport.DueSoon dueSoon(StudyRun check, NightlyRun run) {
        try {
            ProtocolVersions protocol = protocols.get(check.protocolId());
            if (protocol.inEffectOn(run.asOf()).windows().isEmpty() && StudyWorklist.visitDayWindows(protocol.inEffectOn(run.asOf())).isEmpty()) {
                return new NightlyReport.DueSoon(List.of(), "No worklist: protocol " + check.protocolId() + " has no visit windows");
            }
            return new NightlyReport.DueSoon(StudyWorklist.of(protocol, Path.of(check.dataPath()), ZoneId.of(check.timeZone()),
                    run.asOf(), Worklist.DEFAULT_DAYS, null), null);
        } catch (ProtocolLoadException | RuntimeException e) {
            return new NightlyReport.DueSoon(List.of(), "No worklist: " + e.getMessage());
        }
    }
}
