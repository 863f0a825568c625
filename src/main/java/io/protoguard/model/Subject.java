package io.protoguard.model;

/** One row of the Subjects sheet. Optional values are null when the cell was empty. */
public record Subject(
        String subjectId, String site, String arm, String sex, Integer age, Double weightKg,
        When consentAt, When onsetAt, When randomizedAt, When dischargedAt, When diedAt, When withdrawnAt,
        SourceRef source) {

    /** The earlier of death and withdrawal: after it no assessment is expected. */
    public When endOfFollowUp() {
        if (diedAt == null) return withdrawnAt;
        if (withdrawnAt == null) return diedAt;
        return withdrawnAt.isAfter(diedAt) ? diedAt : withdrawnAt;
    }
}
