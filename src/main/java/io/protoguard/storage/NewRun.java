package io.protoguard.storage;

import io.protoguard.model.CheckResult;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Everything a finished check leaves behind, stored in one transaction: the upload, the result (deviations,
 * input errors, warnings), the reports as written, and one timeline JSON per subject.
 */
public record NewRun(String sha256, String fileName, String fileKind, long sizeBytes, String user, OffsetDateTime startedAt,
                     String protocolHash, String timeZone, long readMillis, long checkMillis, CheckResult result,
                     Map<String, byte[]> reports, Map<String, String> timelines, java.util.Set<String> sites) {

    public NewRun {
        sites = sites == null ? java.util.Set.of() : java.util.Set.copyOf(sites);
    }
}
