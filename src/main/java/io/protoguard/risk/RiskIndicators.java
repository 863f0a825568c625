package io.protoguard.risk;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.Deviation;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolCache;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.NightlyRun;
import io.protoguard.storage.NightlyStore;
import io.protoguard.storage.Observation;
import io.protoguard.storage.Study;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly run's one call for central monitoring: computes a checked study's KRIs (its protocol's Risk table)
 * and stores them with the run. Idempotent: a restart that finds the study's KRIs stored writes nothing again.
 */
public class RiskIndicators {
    private final KriStore kris;
    private final NightlyStore nightly;
    private final ProtocolCache protocols;

    public RiskIndicators(KriStore kris, NightlyStore nightly, ProtocolCache protocols) {
        this.kris = kris;
        this.nightly = nightly;
        this.protocols = protocols;
    }

    /**
     * For a per-study step after the check (the deviations are the ones stored for the study in this run; the data
     * is read again for sites and exposure). Nothing when the study was not checked in this run.
     */
    public void recordFor(Study study, NightlyRun run) {
        var studyRun = nightly.checkedStudyRun(run.id(), study.id());
        if (studyRun.isEmpty() || kris.has(run.id(), study.id())) return;
        ProtocolVersions protocol = protocol(study);
        WorkbookData data = StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), ZoneId.of(study.timeZone()), null, protocol.rules());
        List<Deviation> present = nightly.presentIn(studyRun.get()).stream().map(Observation::deviation).toList();
        recordFor(study, run, protocol, data.subjects(), present);
    }

    /** Inside the check itself, with the data and deviations already in memory. */
    public void recordFor(Study study, NightlyRun run, ProtocolVersions protocol, List<SubjectData> subjects, List<Deviation> deviations) {
        if (kris.has(run.id(), study.id())) return;
        for (Computed c : compute(protocol.inEffectOn(run.asOf()), subjects, deviations, run.asOf())) {
            kris.insert(run.id(), study.id(), run.asOf(), c.kri(), c.scores());
        }
    }

    /** A KRI and its scores over the study's sites. */
    public record Computed(KriDefinition kri, KriScores scores) {}

    /** Every KRI of the protocol's Risk table, scored: what the nightly run stores and `protoguard` can show on demand. */
    public static List<Computed> compute(LoadedProtocol protocol, List<SubjectData> subjects, List<Deviation> deviations, LocalDate asOf) {
        SiteCounter counter = new SiteCounter(protocol.rules());
        List<Computed> out = new ArrayList<>();
        for (KriDefinition kri : RiskTable.of(protocol)) {
            out.add(new Computed(kri, kri.score(counter.count(kri, subjects, deviations, asOf))));
        }
        return out;
    }

    private ProtocolVersions protocol(Study study) {
        try {
            return protocols.get(study.protocolId());
        } catch (ProtocolLoadException e) {
            throw new IllegalStateException("protocol " + study.protocolId() + " cannot be loaded for the study's KRIs", e);
        }
    }
}
