package io.protoguard.storage;

import java.time.OffsetDateTime;

/** One attempt at a study in a nightly run: CHECKED with its counts by state, or FAILED with the reason. */
public record StudyRun(long id, long nightlyRunId, String studyId, long jobExecutionId, String status, String reason,
                       String protocolId, String protocolVersion, String dataPath, String timeZone, int subjects,
                       int inputErrors, int newCount, int openCount, int reopenedCount, int resolvedCount,
                       OffsetDateTime recordedAt) {
    public static final String CHECKED = "CHECKED", FAILED = "FAILED";

    public boolean checked() {
        return CHECKED.equals(status);
    }

    /** Deviations present in the data that night (NEW + OPEN + REOPENED). */
    public int present() {
        return newCount + openCount + reopenedCount;
    }
}
