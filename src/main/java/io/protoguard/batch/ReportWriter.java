package io.protoguard.batch;

import io.protoguard.report.AtomicFile;
import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.NightlyRun;
import io.protoguard.risk.RiskSignals;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.StudyRun;
import java.io.IOException;
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

    public ReportWriter(NightlyStore store, NightlyQueries queries, DeviationReviews reviews, Path reportDir, RiskSignals risk) {
        this.risk = risk;
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
                    risk.ofRun(check.studyId(), run.id(), 10), risk.newRed(check.studyId(), run.id()));
            AtomicFile.write(file, out -> NightlyReport.write(content, out));
        }
    }
}
