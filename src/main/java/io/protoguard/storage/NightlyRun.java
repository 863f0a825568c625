package io.protoguard.storage;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One nightly run: a Spring Batch job instance, the scheduled run of an as-of date or an explicit rerun of it. */
public record NightlyRun(long id, long jobInstanceId, LocalDate asOf, String runKey, OffsetDateTime createdAt) {
    public static final String SCHEDULED = "scheduled";

    public boolean rerun() {
        return !SCHEDULED.equals(runKey);
    }
}
