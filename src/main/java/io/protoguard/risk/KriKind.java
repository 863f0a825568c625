package io.protoguard.risk;

/** A proportion (events per subject or per expected assessment, binomial) or a rate (events per day on study, Poisson). */
public enum KriKind {
    PROPORTION, RATE;

    /** The variance of one unit of denominator at the overall metric: p(1-p) for a proportion, lambda for a rate. */
    double variance(double overall) {
        return this == PROPORTION ? overall * (1 - overall) : overall;
    }
}
