package io.protoguard.batch;

import io.protoguard.model.Deviation;
import io.protoguard.risk.RiskIndicators;
import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The per-study step of a nightly run: once every (study, site) partition of a study is staged, puts their
 * deviations together, gives them their identities, judges the lifecycle against the study's previous check and
 * writes the study's outcome. It runs exactly once per study and run, in the transaction of the partition that
 * completed the study ({@link CheckStudyTasklet}), never per site: a subject moved between sites, or one site
 * failing, must not resolve deviations that are still there. Whatever else is computed once per study (e.g. risk
 * indicators) belongs here, after the lifecycle.
 */
@Component
public class StudyJudge {
    private final NightlyStore store;
    private final PartitionResults partitions;
    private final RiskIndicators riskIndicators;

    public StudyJudge(NightlyStore store, PartitionResults partitions, RiskIndicators riskIndicators) {
        this.store = store;
        this.partitions = partitions;
        this.riskIndicators = riskIndicators;
    }

    /** What the partition that completes a study knows about the protocol that judged it. */
    public record Protocol(String id, String version, String contentHash) {}

    public StudyCheck judge(Study study, NightlyRun run, long jobExecutionId, List<String> keys, Protocol protocol) {
        Map<String, PartitionResults.Staged> staged = partitions.load(run.id(), study.id(), keys);
        List<Deviation> deviations = new ArrayList<>();
        int subjects = 0, inputErrors = 0;
        for (String key : keys) { // the keys' fixed order; a subject's deviations keep the engine's order within it
            PartitionResults.Staged s = staged.get(key);
            if (s == null) throw new IllegalStateException("partition " + key + " of study " + study.id() + " is not staged");
            deviations.addAll(s.deviations());
            subjects += s.subjects();
            inputErrors += s.inputErrors();
        }
        List<Fingerprints.Identified> tonight = Fingerprints.identify(study.id(), deviations);
        var previous = store.previousCheck(study.id()).map(store::presentIn).orElse(List.of());
        Lifecycle.Judgement judged = Lifecycle.judge(tonight, previous, store.knownFingerprints(study.id()));
        StudyCheck check = new StudyCheck(run.id(), study.id(), jobExecutionId, protocol.id(), protocol.version(), protocol.contentHash(),
                study.dataPath(), study.timeZone(), subjects, inputErrors, judged.newIdentities(), judged.observations());
        store.recordChecked(check);
        riskIndicators.recordFor(study, run); // site KRIs over the whole study, in the same transaction as its check
        return check;
    }
}
