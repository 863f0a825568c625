package io.protoguard.storage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One check of one upload against one protocol version, with the counts shown in the history.
 * {@code byCategory} counts deviations per category name (only categories that occur).
 */
public record StoredRun(long id, StoredUpload upload, String protocolId, String protocolVersion, String protocolHash,
                        LocalDate asOf, String timeZone, String runBy, OffsetDateTime startedAt, long readMillis,
                        long checkMillis, int subjects, int inputErrors, int warnings, int deviations,
                        Map<String, Integer> byCategory) {}
