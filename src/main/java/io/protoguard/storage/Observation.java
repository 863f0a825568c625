package io.protoguard.storage;

import io.protoguard.model.Deviation;

/** One deviation identity as one nightly run judged it; for RESOLVED, the deviation as it was last seen. */
public record Observation(String fingerprint, DeviationState state, Deviation deviation) {}
