package io.protoguard.pdlog;

import java.time.LocalDate;

/**
 * The site columns of one PD log row as a monitor submits them. {@link #validate(LocalDate)} says what is wrong, naming
 * the field, before anything is stored.
 */
public record PdLogEdit(String reportedToIrb, LocalDate reportedOn, String correctiveAction, String preventiveAction) {
    /** The longest corrective or preventive action text kept (the column's size). */
    public static final int MAX_TEXT = 2000;

    /** A refused edit: {@code field} is the JSON member / form field at fault. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Y or N; "yes", "no", "true" and "false" are accepted too, since forms and people write them. */
    public boolean reported() {
        String r = reportedToIrb == null ? "" : reportedToIrb.strip().toUpperCase(java.util.Locale.ROOT);
        return switch (r) {
            case "Y", "YES", "TRUE" -> true;
            case "N", "NO", "FALSE" -> false;
            default -> throw new Invalid("reportedToIrb", "reportedToIrb must be Y or N, not \"" + (reportedToIrb == null ? "" : reportedToIrb) + "\"");
        };
    }

    /** Checks the edit as of {@code today} (the study's zone): throws {@link Invalid} naming the first field at fault. */
    public void validate(LocalDate today) {
        boolean reported = reported();
        if (reported && reportedOn == null) {
            throw new Invalid("reportedOn", "reportedOn is required when the deviation was reported to the IRB/EC (reportedToIrb Y)");
        }
        if (!reported && reportedOn != null) {
            throw new Invalid("reportedOn", "reportedOn must be empty when the deviation was not reported to the IRB/EC (reportedToIrb N)");
        }
        if (reportedOn != null && reportedOn.isAfter(today)) {
            throw new Invalid("reportedOn", "reportedOn " + reportedOn + " is in the future (today is " + today + ")");
        }
        checkText("correctiveAction", correctiveAction);
        checkText("preventiveAction", preventiveAction);
    }

    private static void checkText(String field, String text) {
        if (text != null && text.strip().length() > MAX_TEXT) {
            throw new Invalid(field, field + " is " + text.strip().length() + " characters long; at most " + MAX_TEXT + " are kept");
        }
        if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new Invalid(field, field + " holds a control character; write plain text");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
