package io.protoguard.batch;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckResult;
import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolCache;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.DeviationState;
import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyCheck;
import io.protoguard.storage.StudyRegistry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One partition, a (study, site) pair ({@link SitePartition}), on this process's threads or on a remote worker: reads
 * the study, evaluates the partition's subjects and stages the deviations, inside the step's chunk transaction, so
 * they commit together with the step execution's progress. A kill before the commit leaves nothing (the partition
 * is redelivered or restarted and done again); a partition already staged (a redelivery after the commit) is
 * skipped, and the primary key of {@code partition_result} refuses a second copy even from two workers at once.
 * The partition that finds every partition of its study staged then runs {@link StudyJudge} in the same transaction:
 * the lifecycle is judged once per study. A partition that cannot be checked records the study FAILED, with its
 * reason, in a transaction of its own, and the step fails so a restart of the same as-of date tries it again.
 */
public final class CheckStudyTasklet implements Tasklet {
    public static final String STUDY_ID = "studyId";
    private static final Logger LOG = LoggerFactory.getLogger(CheckStudyTasklet.class);

    private final StudyRegistry registry;
    private final NightlyStore store;
    private final PartitionResults partitions;
    private final StudyJudge judge;
    private final ProtocolCache protocols;
    private final TransactionTemplate ownTransaction, savepoint;
    private final long delayMs;

    public CheckStudyTasklet(StudyRegistry registry, NightlyStore store, PartitionResults partitions, StudyJudge judge,
                             ProtocolCache protocols, PlatformTransactionManager transactions, long delayMs) {
        this.registry = registry;
        this.store = store;
        this.partitions = partitions;
        this.judge = judge;
        this.protocols = protocols;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.delayMs = delayMs;
    }

    /** Why a study could not be checked, in words for the operator. */
    static final class StudyFailed extends RuntimeException {
        StudyFailed(String reason) {
            super(reason);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws InterruptedException {
        StepExecution step = chunk.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        String studyId = context.getString(STUDY_ID);
        String key = context.getString(StudyPartitioner.PARTITION, SitePartition.ALL);
        List<String> keys = List.of(context.getString(StudyPartitioner.STUDY_PARTITIONS, SitePartition.ALL).split(","));
        String sites = context.getString(StudyPartitioner.SITES, "");
        SitePartition partition = new SitePartition(studyId, key, sites.isEmpty() ? List.of() : Arrays.asList(sites.split(",")));
        long executionId = step.getJobExecutionId();
        NightlyRun run = store.runForJobInstance(step.getJobExecution().getJobInstance().getInstanceId()).orElseThrow();
        if (store.checkedStudyRun(run.id(), studyId).isPresent() || partitions.exists(run.id(), studyId, key)) {
            LOG.warn("{} was already done in nightly run {} (committed before a process stopped, or by another worker); not again",
                    partition.stepName(), run.id());
            return RepeatStatus.FINISHED;
        }
        Study study = registry.find(studyId).orElse(null);
        String protocolId = study == null ? "?" : study.protocolId();
        String dataPath = study == null ? "?" : study.dataPath();
        String zone = study == null ? "UTC" : study.timeZone();
        try {
            if (study == null) throw new StudyFailed("the study is no longer in the registry");
            ProtocolVersions protocol = protocol(study);
            CheckResult result = evaluate(study, partition, protocol, run);
            if (delayMs > 0) Thread.sleep(delayMs); // test hook: still inside the transaction, so a kill now loses the partition's writes
            var staged = new PartitionResults.Staged(key, step.getId(), RunLease.host() + ":" + ProcessHandle.current().pid(),
                    result.subjects(), partition.countsInputErrors() ? result.inputErrors().size() : 0, result.deviations());
            if (!stageOnce(run, studyId, staged)) {
                LOG.warn("{} of nightly run {} was staged by another worker meanwhile; not again", partition.stepName(), run.id());
                return RepeatStatus.FINISHED;
            }
            partitions.lockStudy(studyId);
            if (partitions.stagedKeys(run.id(), studyId).containsAll(keys) && store.checkedStudyRun(run.id(), studyId).isEmpty()) {
                StudyCheck check = judge.judge(study, run, executionId, keys,
                        new StudyJudge.Protocol(protocol.id(), result.protocol().version(), protocol.contentHash()));
                announceAfterCommit("protoguard: study " + studyId + " checked: " + check.subjects() + " subjects, "
                        + (check.observations().size() - check.count(DeviationState.RESOLVED)) + " deviations");
            }
            return RepeatStatus.FINISHED;
        } catch (RuntimeException e) {
            String reason = e instanceof StudyFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!(e instanceof StudyFailed)) LOG.error("{} failed unexpectedly", partition.stepName(), e);
            String where = key.equals(SitePartition.ALL) ? "" : key.replace(SitePartition.SITE, "site ") + ": ";
            ownTransaction.executeWithoutResult(s -> store.recordFailure(run.id(), studyId, executionId, protocolId, dataPath, zone, where + reason));
            throw new StudyFailed("study " + studyId + ": " + where + reason);
        }
    }

    /** Stages under a savepoint: a duplicate (another worker got there first) is undone alone, not the whole step. */
    private boolean stageOnce(NightlyRun run, String studyId, PartitionResults.Staged staged) {
        try {
            savepoint.executeWithoutResult(s -> partitions.stage(run.id(), studyId, staged));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static void announceAfterCommit(String line) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                System.err.println(line); // only once it is durable: the kill tests wait for these lines
            }
        });
    }

    private ProtocolVersions protocol(Study study) {
        try {
            return protocols.get(study.protocolId());
        } catch (ProtocolLoadException e) {
            throw new StudyFailed("protocol " + study.protocolId() + " cannot be loaded: "
                    + String.join("; ", e.problems().stream().limit(5).map(ProtocolProblem::describe).toList()));
        }
    }

    private static CheckResult evaluate(Study study, SitePartition partition, ProtocolVersions protocol, NightlyRun run) {
        ZoneId zone = ZoneId.of(study.timeZone());
        WorkbookData data = StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), zone, null, protocol.rules()); // a workbook, CSV folder or SDTM folder
        List<InputError> fatal = data.errors().stream().filter(e -> e.row() == null).toList();
        if (!fatal.isEmpty() || data.subjects().isEmpty()) {
            // A half-read study would look like resolved deviations, so it is not judged at all.
            String why = fatal.isEmpty() ? "no subjects could be read" : String.join("; ", fatal.stream().limit(5).map(InputError::describe).toList());
            throw new StudyFailed("data " + study.dataPath() + " cannot be read: " + why);
        }
        return new Evaluator(protocol).check(partition.select(data), run.asOf(), zone);
    }
}
