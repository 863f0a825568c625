package io.protoguard.pdlog;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of a site's protocol deviation log: one deviation identity (the nightly lifecycle's fingerprint), as it was
 * last observed, with the monitor's site columns in force. {@code status} is OPEN while the latest check still finds
 * the deviation and RESOLVED once it is gone; {@code review} is the monitor's verdict (OPEN, ACKNOWLEDGED,
 * NOT_A_DEVIATION, or null when never reviewed).
 */
public record PdLogRow(String number, String fingerprint, String subjectId, String site, LocalDate occurredOn,
                       LocalDate identifiedOn, String category, String ruleId, String visit, String description, boolean important,
                       Boolean reportedToIrb, LocalDate reportedOn, String correctiveAction, String preventiveAction, String status,
                       String review, LocalDate lastCheckedOn, String enteredBy, OffsetDateTime enteredAt) {

    /** The log's columns, in the order the CSV and XLSX exports write them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("Deviation number", "Subject", "Site", "Date occurred",
            "Date identified", "Category", "Rule", "Visit", "Description", "Important", "Reported to IRB/EC", "Reported on",
            "Corrective action", "Preventive action", "Status", "Review", "Last checked", "Fingerprint", "Entered by", "Entered at");

    /** The row's cells in {@link #COLUMNS} order, as text (empty for nothing). */
    public java.util.List<String> cells() {
        return java.util.Arrays.asList(number, subjectId, site, text(occurredOn), text(identifiedOn), category, ruleId, visit, description,
                important ? "Y" : "N", reportedToIrb == null ? "" : reportedToIrb ? "Y" : "N", text(reportedOn), correctiveAction,
                preventiveAction, status, review, text(lastCheckedOn), fingerprint, enteredBy,
                enteredAt == null ? "" : enteredAt.withNano(0).toString());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
