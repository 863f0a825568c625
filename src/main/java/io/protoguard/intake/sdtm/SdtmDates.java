package io.protoguard.intake.sdtm;

import io.protoguard.model.When;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * SDTM --DTC values (ISO 8601): a date, or a date-time with minutes and optional seconds and offset. A value
 * without an offset is the site's local time in the study zone; with one, its calendar date is the date as
 * written (SPEC section 4). Partial dates ("2014-01") cannot place a record on a study day and are refused.
 */
final class SdtmDates {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL = Pattern.compile("\\d{4}(-\\d{2})?|\\d{4}-\\d{2}-\\d{2}T\\d{2}");
    private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");

    private final ZoneId zone;

    SdtmDates(ZoneId zone) {
        this.zone = zone;
    }

    /** The value, or a reason it is not one (thrown as IllegalArgumentException with a message for the user). */
    When parse(String text) {
        String t = text.trim();
        try {
            if (DATE.matcher(t).matches()) return When.ofDate(LocalDate.parse(t));
            if (PARTIAL.matcher(t).matches()) throw new IllegalArgumentException("\"" + t + "\" is a partial date; a full date (YYYY-MM-DD) is needed to place it on a study day");
            if (OFFSET.matcher(t).matches()) {
                OffsetDateTime written = OffsetDateTime.parse(t);
                return new When(written.toLocalDate(), written.toInstant(), written.toString());
            }
            LocalDateTime local = LocalDateTime.parse(t);
            return new When(local.toLocalDate(), local.atZone(zone).toInstant(), local.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not an ISO 8601 date or date-time (e.g. 2014-01-02 or 2014-01-02T11:45)");
        }
    }
}
