package io.protoguard.risk;

/**
 * What a KRI divides by. DAYS_ON_STUDY makes it a rate (Poisson); the others make it a proportion (binomial).
 * EXPECTED_ASSESSMENTS: assessments recorded plus those found missing (each missed one is a MISSED_ASSESSMENT
 * deviation), so it is the number the schedule expected up to the as-of date.
 */
public enum KriDenominator {
    SUBJECTS, RANDOMIZED_SUBJECTS, DAYS_ON_STUDY, EXPECTED_ASSESSMENTS, SICH_EVENTS;

    public KriKind kind() {
        return this == DAYS_ON_STUDY ? KriKind.RATE : KriKind.PROPORTION;
    }

    /** gsm's defaults: 30 days on study, or 3 subjects (or other units). */
    public double defaultMinimum() {
        return this == DAYS_ON_STUDY ? 30 : 3;
    }
}
