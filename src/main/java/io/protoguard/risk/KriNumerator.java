package io.protoguard.risk;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Severity;

/** What a KRI counts: deviations of tonight's check (one per deviation), or subjects (screen failures). */
public enum KriNumerator {
    IMPORTANT_DEVIATIONS, ALL_DEVIATIONS, MISSED_ASSESSMENTS, LATE_SAE_REPORTS, ELIGIBILITY_DEVIATIONS, SCREEN_FAILURES;

    /** Whether a deviation counts (never for SCREEN_FAILURES, which counts subjects, nor LATE_SAE_REPORTS, counted by rule). */
    public boolean counts(Deviation d) {
        return switch (this) {
            case IMPORTANT_DEVIATIONS -> d.severity() == Severity.IMPORTANT;
            case ALL_DEVIATIONS -> true;
            case MISSED_ASSESSMENTS -> d.category() == Category.MISSED_ASSESSMENT;
            // by rule id: SiteCounter knows the protocol's SAE_REPORT_WITHIN_HOURS rows
            case LATE_SAE_REPORTS -> false;
            case ELIGIBILITY_DEVIATIONS -> d.category() == Category.ELIGIBILITY;
            case SCREEN_FAILURES -> false;
        };
    }

    /** The deviation category this KRI counts, for the link to the deviations behind a signal; null when it has none. */
    public Category category() {
        return switch (this) {
            case MISSED_ASSESSMENTS -> Category.MISSED_ASSESSMENT;
            case ELIGIBILITY_DEVIATIONS -> Category.ELIGIBILITY;
            default -> null;
        };
    }

    /** The severity this KRI counts (IMPORTANT for important deviations), or null. */
    public Severity severity() {
        return this == IMPORTANT_DEVIATIONS ? Severity.IMPORTANT : null;
    }
}
