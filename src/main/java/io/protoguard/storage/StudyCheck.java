package io.protoguard.storage;

import java.util.List;

/** Everything one successful check of a study writes, in one transaction. */
public record StudyCheck(long nightlyRunId, String studyId, long jobExecutionId, String protocolId, String protocolVersion,
                         String protocolHash, String dataPath, String timeZone, int subjects, int inputErrors,
                         List<DeviationIdentity> newIdentities, List<Observation> observations) {

    public StudyCheck {
        newIdentities = List.copyOf(newIdentities);
        observations = List.copyOf(observations);
    }

    public int count(DeviationState state) {
        return (int) observations.stream().filter(o -> o.state() == state).count();
    }
}
