package io.protoguard.storage;

/**
 * Where a deviation stands in one nightly run: NEW (never seen before in its study), OPEN (also present in the
 * study's previous check), REOPENED (seen before, but RESOLVED since), RESOLVED (present in the previous check,
 * gone tonight).
 */
public enum DeviationState {
    NEW, OPEN, REOPENED, RESOLVED;

    /** NEW, OPEN and REOPENED are in tonight's data; RESOLVED is not. */
    public boolean present() {
        return this != RESOLVED;
    }
}
