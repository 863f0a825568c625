package io.protoguard.storage;

import java.time.OffsetDateTime;

/** A monitor's verdict on a deviation identity: OPEN, ACKNOWLEDGED, or NOT_A_DEVIATION (with its reason). */
public record Review(long id, String fingerprint, String status, String reason, String comment, String reviewedBy,
                     OffsetDateTime reviewedAt) {
    public static final String OPEN = "OPEN", ACKNOWLEDGED = "ACKNOWLEDGED", NOT_A_DEVIATION = "NOT_A_DEVIATION";
    public static final java.util.List<String> STATUSES = java.util.List.of(OPEN, ACKNOWLEDGED, NOT_A_DEVIATION);
}
