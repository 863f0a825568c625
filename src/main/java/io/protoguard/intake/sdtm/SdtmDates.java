package io.protoguard.intake.sdtm;

import io.protoguard.intake.WhenParser;
import io.protoguard.model.When;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * SDTM --DTC values (ISO 8601): a date, or a date-time with minutes and optional seconds and offset. A value
 * without an offset is the site's local time in the study zone; with one, its calendar date is the date as
 * written (SPEC section 4). Partial dates ("2014-01") cannot place a record on a study day and are refused.
 */
final class SdtmDates {
    private static final Pattern PARTIAL = Pattern.compile("\\d{4}(-\\d{2})?|\\d{4}-\\d{2}-\\d{2}T\\d{2}");

    /** The workbook's parser: the same date-as-written and study-zone rules (SPEC section 4) for every intake. */
    private final WhenParser parser;

    SdtmDates(ZoneId zone) {
        this.parser = new WhenParser(zone);
    }

    /** The value, or a reason it is not one (thrown as IllegalArgumentException with a message for the user). */
    When parse(String text) {
        String t = text.trim();
        if (PARTIAL.matcher(t).matches()) throw new IllegalArgumentException("\"" + t + "\" is a partial date; a full date (YYYY-MM-DD) is needed to place it on a study day");
        // ISO 8601 as SDTM writes it: the workbook's space-separated form is not a --DTC value
        When when = t.contains(" ") ? null : parser.parse(t);
        if (when == null) throw new IllegalArgumentException("\"" + t + "\" is not an ISO 8601 date or date-time (e.g. 2014-01-02 or 2014-01-02T11:45)");
        return when;
    }
}
