package io.protoguard.storage;

import java.time.OffsetDateTime;

/** A monitor's verdict on a deviation identity: OPEN, ACKNOWLEDGED, or NOT_A_DEVIATION (with its reason). */
public record Review(long id, String fingerprint, String status, String reason, String comment, String reviewedBy,
                     OffsetDateTime reviewedAt) {
    public static final String OPEN = "OPEN", ACKNOWLEDGED = "ACKNOWLEDGED", NOT_A_DEVIATION = "NOT_A_DEVIATION";
    public static final java.util.List<String> STATUSES = java.util.List.of(OPEN, ACKNOWLEDGED, NOT_A_DEVIATION);

    /** A row of deviation_review or upload_review, which share these columns. */
    static Review fromRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Review(rs.getLong("id"), rs.getString("fingerprint").trim(), rs.getString("status"), rs.getString("reason"),
                rs.getString("review_comment"), rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class));
    }

    /** A reason or comment as stored: stripped, and null when blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
