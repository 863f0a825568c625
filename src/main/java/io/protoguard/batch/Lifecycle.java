package io.protoguard.batch;

import io.protoguard.storage.DeviationIdentity;
import io.protoguard.storage.DeviationState;
import io.protoguard.storage.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tonight's states of a study's deviations, from tonight's deviations, those present in the study's previous check,
 * and every identity the study ever had. Pure: the same inputs give the same states, which is what makes a rerun
 * after a kill produce exactly what an uninterrupted run would have.
 */
public final class Lifecycle {
    private Lifecycle() {}

    /** The observations to write and the identities seen for the first time. */
    public record Judgement(List<Observation> observations, List<DeviationIdentity> newIdentities) {}

    public static Judgement judge(List<Fingerprints.Identified> tonight, List<Observation> previouslyPresent, Set<String> known) {
        Map<String, Observation> previous = new LinkedHashMap<>();
        for (Observation o : previouslyPresent) previous.put(o.fingerprint(), o);
        List<Observation> observations = new ArrayList<>();
        List<DeviationIdentity> fresh = new ArrayList<>();
        Set<String> present = new java.util.HashSet<>();
        for (Fingerprints.Identified d : tonight) {
            present.add(d.fingerprint());
            DeviationState state;
            if (previous.containsKey(d.fingerprint())) {
                state = DeviationState.OPEN;
            } else if (known.contains(d.fingerprint())) {
                state = DeviationState.REOPENED; // seen before, and absent from the previous check: it was RESOLVED
            } else {
                state = DeviationState.NEW;
                fresh.add(d.identity());
            }
            observations.add(new Observation(d.fingerprint(), state, d.deviation()));
        }
        for (Observation gone : previous.values()) {
            if (!present.contains(gone.fingerprint())) {
                observations.add(new Observation(gone.fingerprint(), DeviationState.RESOLVED, gone.deviation()));
            }
        }
        return new Judgement(observations, fresh);
    }
}
