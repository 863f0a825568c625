package io.protoguard.batch;

import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * Before the job: finds or creates the nightly run of this job instance, and takes a lease (host, pid, heartbeat)
 * on the execution. Spring Batch cannot tell an execution left STARTED by kill -9 from a running one; the lease
 * can: {@link #isAlive} is false once the process is gone from this host, or its heartbeat is stale.
 */
public final class RunLease implements JobExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final NightlyStore store;
    private final Duration heartbeat;
    private final Duration staleAfter;
    private ScheduledExecutorService beating;

    public RunLease(NightlyStore store, Duration heartbeat, Duration staleAfter) {
        this.store = store;
        this.heartbeat = heartbeat;
        this.staleAfter = staleAfter;
    }

    @Override
    public synchronized void beforeJob(JobExecution execution) {
        NightlyRun run = store.ensureRun(execution.getJobInstance().getInstanceId(),
                java.time.LocalDate.parse(execution.getJobParameters().getString(NightlyLauncher.AS_OF)),
                execution.getJobParameters().getString(NightlyLauncher.RUN_KEY));
        execution.getExecutionContext().putLong("nightlyRunId", run.id());
        long id = execution.getId();
        store.takeLease(id, host(), ProcessHandle.current().pid());
        beating = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightly-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beating.scheduleAtFixedRate(() -> {
            try {
                store.beat(id);
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of job execution {} failed: {}", id, e.getMessage());
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void afterJob(JobExecution execution) {
        if (beating != null) beating.shutdownNow();
        beating = null;
    }

    /** Whether the process that runs (or ran) this execution is still there. */
    public boolean isAlive(JobExecution execution) {
        var lease = store.lease(execution.getId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (lease.isEmpty()) {
            // Created but not yet leased: give a starting process the benefit of the doubt for a while.
            var created = execution.getCreateTime();
            return created != null && created.plus(staleAfter).isAfter(java.time.LocalDateTime.now());
        }
        var l = lease.get();
        if (l.host().equals(host()) && ProcessHandle.of(l.pid()).map(ProcessHandle::isAlive).orElse(false) == false) return false;
        return l.beatAt().plus(staleAfter).isAfter(now);
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
