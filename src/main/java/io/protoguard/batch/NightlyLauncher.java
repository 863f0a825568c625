package io.protoguard.batch;

import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import io.protoguard.storage.StudyRun;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes or declines the nightly job for an as-of date. The job instance is identified by the as-of date
 * (and a rerun key), so starting the same date again resumes it: a FAILED execution is restarted by Spring Batch
 * (checked studies skipped), an execution left STARTED by a killed process is first marked FAILED, as Spring Batch
 * documents for a crashed JVM, and a COMPLETED one is not run again unless a rerun is asked for.
 */
@Component
public class NightlyLauncher {
    public static final String AS_OF = "asOf", RUN_KEY = "run";

    private final JobLauncher launcher;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final Job job;
    private final RunLease lease;
    private final NightlyStore store;
    private final NightlyQueries queries;
    private final StudyRegistry registry;

    public NightlyLauncher(JobLauncher launcher, JobExplorer explorer, JobRepository repository, Job nightlyJob, RunLease lease,
                           NightlyStore store, NightlyQueries queries, StudyRegistry registry) {
        this.launcher = launcher;
        this.explorer = explorer;
        this.repository = repository;
        this.job = nightlyJob;
        this.lease = lease;
        this.store = store;
        this.queries = queries;
        this.registry = registry;
    }

    public enum Kind { RAN, ALREADY_DONE, BUSY }

    /**
     * What happened. {@code studies}: each study's outcome in the run; {@code notChecked}: active studies with no
     * outcome (the job stopped before them); {@code recovered}: executions found abandoned by a dead process.
     */
    public record Outcome(Kind kind, NightlyRun run, JobExecution execution, List<StudyRun> studies, List<String> notChecked,
                          List<String> recovered, String message) {
        public boolean allChecked() {
            return kind != Kind.BUSY && notChecked.isEmpty() && studies.stream().allMatch(StudyRun::checked)
                    && (execution == null || execution.getStatus() == BatchStatus.COMPLETED);
        }
    }

    public Outcome run(LocalDate asOf, boolean rerun) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addString(AS_OF, asOf.toString())
                .addString(RUN_KEY, rerun ? "rerun-" + System.currentTimeMillis() : NightlyRun.SCHEDULED)
                .toJobParameters();
        List<String> recovered = new java.util.ArrayList<>();
        for (JobExecution running : explorer.findRunningJobExecutions(NightlyJobConfig.JOB)) {
            if (lease.isAlive(running)) {
                var l = store.lease(running.getId());
                return new Outcome(Kind.BUSY, null, running, List.of(), List.of(), recovered, "another nightly run is in progress (job execution "
                        + running.getId() + ", as-of " + running.getJobParameters().getString(AS_OF)
                        + l.map(x -> ", pid " + x.pid() + " on " + x.host()).orElse("") + ")");
            }
            markFailed(running);
            String note = "job execution " + running.getId() + " (as-of " + running.getJobParameters().getString(AS_OF)
                    + ") was left running by a process that is gone; marked FAILED";
            System.err.println("protoguard: " + note);
            recovered.add(note);
        }
        JobInstance instance = explorer.getJobInstance(NightlyJobConfig.JOB, params);
        if (instance != null) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                NightlyRun run = store.runForJobInstance(instance.getInstanceId()).orElseThrow();
                return outcome(Kind.ALREADY_DONE, run, last, recovered, "the nightly run for " + asOf + " is already complete (run "
                        + run.id() + "); nothing to do (--rerun checks every study again as a new run)");
            }
        }
        JobExecution execution = launcher.run(job, params);
        NightlyRun run = store.runForJobInstance(execution.getJobInstance().getInstanceId()).orElseThrow();
        return outcome(Kind.RAN, run, execution, recovered, execution.getExitStatus().getExitDescription());
    }

    /** A study taken out of the registry (or made inactive) after it failed is not counted: it is no longer part of the run. */
    private Outcome outcome(Kind kind, NightlyRun run, JobExecution execution, List<String> recovered, String message) {
        Set<String> active = registry.active().stream().map(Study::id).collect(Collectors.toSet());
        List<StudyRun> studies = queries.outcomes(run.id()).stream().filter(s -> s.checked() || active.contains(s.studyId())).toList();
        Set<String> seen = studies.stream().map(StudyRun::studyId).collect(Collectors.toSet());
        List<String> notChecked = kind == Kind.ALREADY_DONE ? List.of() : active.stream().filter(id -> !seen.contains(id)).sorted().toList();
        return new Outcome(kind, run, execution, studies, notChecked, recovered, message);
    }

    /** What Spring Batch's documentation asks of an operator after a crash: the dead execution and its steps become FAILED. */
    private void markFailed(JobExecution running) {
        JobExecution execution = explorer.getJobExecution(running.getId());
        LocalDateTime now = LocalDateTime.now();
        ExitStatus gone = ExitStatus.FAILED.addExitDescription("the process running it was gone (killed?); marked FAILED before a restart");
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStatus().isRunning()) continue;
            step.setStatus(BatchStatus.FAILED);
            step.setExitStatus(gone);
            step.setEndTime(now);
            repository.update(step);
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(gone);
        execution.setEndTime(now);
        repository.update(execution);
    }
}
