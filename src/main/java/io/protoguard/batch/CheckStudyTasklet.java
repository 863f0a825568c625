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
import io.protoguard.risk.RiskIndicators;
import io.protoguard.storage.DeviationState;
import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyCheck;
import io.protoguard.storage.StudyRegistry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One partition: checks one study and writes its observations. It runs inside the step's chunk transaction, so the
 * observations commit together with the step execution's progress: a kill before the commit leaves nothing (the
 * restart does the study again), a kill after it is found again by {@link NightlyStore#checkedStudyRun} (the
 * restart writes nothing twice). A study that cannot be checked is recorded FAILED, with its reason, in a
 * transaction of its own, and the step fails so a restart of the same as-of date tries it again.
 */
public final class CheckStudyTasklet implements Tasklet {
    public static final String STUDY_ID = "studyId";
    private static final Logger LOG = LoggerFactory.getLogger(CheckStudyTasklet.class);

    private final StudyRegistry registry;
    private final NightlyStore store;
    private final ProtocolCache protocols;
    private final TransactionTemplate ownTransaction;
    private final long delayMs;
    private final RiskIndicators riskIndicators;

    public CheckStudyTasklet(StudyRegistry registry, NightlyStore store, ProtocolCache protocols,
                             PlatformTransactionManager transactions, long delayMs, RiskIndicators riskIndicators) {
        this.riskIndicators = riskIndicators;
        this.registry = registry;
        this.store = store;
        this.protocols = protocols;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        String studyId = step.getExecutionContext().getString(STUDY_ID);
        long executionId = step.getJobExecutionId();
        NightlyRun run = store.runForJobInstance(step.getJobExecution().getJobInstance().getInstanceId()).orElseThrow();
        if (store.checkedStudyRun(run.id(), studyId).isPresent()) {
            LOG.warn("study {} was already checked in nightly run {} (committed before the process stopped); not again", studyId, run.id());
            return RepeatStatus.FINISHED;
        }
        Study study = registry.find(studyId).orElse(null);
        String protocolId = study == null ? "?" : study.protocolId();
        String dataPath = study == null ? "?" : study.dataPath();
        String zone = study == null ? "UTC" : study.timeZone();
        try {
            if (study == null) throw new StudyFailed("the study is no longer in the registry");
            StudyCheck check = check(study, run, executionId);
            store.recordChecked(check);
            String line = "protoguard: study " + studyId + " checked: " + check.subjects() + " subjects, "
                    + (check.observations().size() - check.count(DeviationState.RESOLVED)) + " deviations";
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    System.err.println(line); // only once it is durable: the kill test waits for these lines
                }
            });
            if (delayMs > 0) Thread.sleep(delayMs); // test hook: still inside the transaction, so a kill now loses the study's writes
            return RepeatStatus.FINISHED;
        } catch (RuntimeException e) {
            String reason = e instanceof StudyFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!(e instanceof StudyFailed)) LOG.error("study {} failed unexpectedly", studyId, e);
            ownTransaction.executeWithoutResult(s -> store.recordFailure(run.id(), studyId, executionId, protocolId, dataPath, zone, reason));
            throw new StudyFailed("study " + studyId + ": " + reason);
        }
    }

    private StudyCheck check(Study study, NightlyRun run, long executionId) {
        ProtocolVersions protocol;
        try {
            protocol = protocols.get(study.protocolId());
        } catch (ProtocolLoadException e) {
            throw new StudyFailed("protocol " + study.protocolId() + " cannot be loaded: "
                    + String.join("; ", e.problems().stream().limit(5).map(ProtocolProblem::describe).toList()));
        }
        ZoneId zone = ZoneId.of(study.timeZone());
        WorkbookData data = StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), zone, null, protocol.rules()); // a workbook, CSV folder or SDTM folder
        List<InputError> fatal = data.errors().stream().filter(e -> e.row() == null).toList();
        if (!fatal.isEmpty() || data.subjects().isEmpty()) {
            // A half-read study would look like resolved deviations, so it is not judged at all.
            String why = fatal.isEmpty() ? "no subjects could be read" : String.join("; ", fatal.stream().limit(5).map(InputError::describe).toList());
            throw new StudyFailed("data " + study.dataPath() + " cannot be read: " + why);
        }
        CheckResult result = new Evaluator(protocol).check(data, run.asOf(), zone);
        List<Fingerprints.Identified> tonight = Fingerprints.identify(study.id(), result.deviations());
        var previous = store.previousCheck(study.id()).map(store::presentIn).orElse(List.of());
        Lifecycle.Judgement judged = Lifecycle.judge(tonight, previous, store.knownFingerprints(study.id()));
        riskIndicators.recordFor(study, run, protocol, data.subjects(), result.deviations()); // site KRIs, same transaction
        return new StudyCheck(run.id(), study.id(), executionId, protocol.id(), result.protocol().version(), protocol.contentHash(),
                study.dataPath(), study.timeZone(), result.subjects(), result.inputErrors().size(), judged.newIdentities(),
                judged.observations());
    }
}
