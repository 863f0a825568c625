package io.protoguard.risk;

/** A site's flag on one KRI. SMALL: under the minimum denominator, counted in the overall rate and phi, never flagged. */
public enum KriFlag {
    NONE, AMBER, RED, SMALL;

    public boolean flagged() {
        return this == AMBER || this == RED;
    }
}
