package io.protoguard.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Ends the manager's wait when no worker is left. A worker killed mid-partition needs nothing from the manager: its
 * unacknowledged request goes back to the queue and another worker does it. But with no consumer on the queue for
 * {@code noWorkerGrace} (every worker gone, or the broker unreachable for that long), the partitions not yet done
 * would wait for the timeout (hours); instead this marks them FAILED in the job repository, the partition handler's
 * poll sees them finished, the run fails with exit 3 and the next start resumes exactly those partitions. A request
 * still queued for a partition marked FAILED is dropped by the worker that finally receives it.
 */
public final class WorkerWatch implements StepExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);

    private final AmqpAdmin admin;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final RemoteSettings settings;
    private ScheduledExecutorService timer;
    private volatile long lastConsumerSeen;

    public WorkerWatch(AmqpAdmin admin, JobExplorer explorer, JobRepository repository, RemoteSettings settings) {
        this.admin = admin;
        this.explorer = explorer;
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    public synchronized void beforeStep(StepExecution manager) {
        lastConsumerSeen = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightly-worker-watch");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, settings.pollInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> check(manager.getJobExecutionId()), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution manager) {
        if (timer != null) timer.shutdownNow();
        timer = null;
        return null;
    }

    private void check(long jobExecutionId) {
        try {
            String why = consumers();
            if (why == null) {
                lastConsumerSeen = System.nanoTime();
                return;
            }
            Duration without = Duration.ofNanos(System.nanoTime() - lastConsumerSeen);
            if (without.compareTo(settings.noWorkerGrace()) < 0) return;
            failOutstanding(jobExecutionId, why + " for " + without.toSeconds() + " s");
        } catch (RuntimeException e) {
            LOG.warn("worker watch: {}", e.toString());
        }
    }

    /** null when some worker consumes the queue, else why not. */
    private String consumers() {
        try {
            Properties queue = admin.getQueueProperties(settings.queue());
            if (queue == null) return "the queue " + settings.queue() + " does not exist";
            Object count = queue.get(RabbitAdmin.QUEUE_CONSUMER_COUNT);
            return count instanceof Number n && n.intValue() > 0 ? null : "no worker consumed the queue " + settings.queue();
        } catch (AmqpException e) {
            return "the broker could not be reached (" + e.getMessage() + ")";
        }
    }

    private void failOutstanding(long jobExecutionId, String why) {
        JobExecution job = explorer.getJobExecution(jobExecutionId);
        if (job == null) return;
        int failed = 0;
        for (StepExecution partition : job.getStepExecutions()) {
            if (!partition.getStepName().startsWith(NightlyJobConfig.CHECK_STUDY + ":") || !partition.getStatus().isRunning()) continue;
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why + "; the partition was not done"));
            partition.setEndTime(LocalDateTime.now());
            try {
                repository.update(partition);
                failed++;
            } catch (OptimisticLockingFailureException e) {
                // a worker moved it meanwhile: look again at the next tick
            }
        }
        if (failed > 0) {
            System.err.println("protoguard: " + why + "; " + failed + " partitions not done are marked FAILED (start workers with "
                    + "`protoguard nightly --worker`, then start the run again to resume)");
        }
    }
}
