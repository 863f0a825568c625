package io.protoguard.intake;

import io.protoguard.model.When;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads the date-time spellings SPEC section 4 allows. A value without an offset is the site's local time in
 * the study zone; one with an offset is taken as written (its instant, and its date in that offset); a date
 * alone stays a date (no instant), so it can never pass for midnight.
 */
public final class WhenParser {

    static final String EXAMPLE = "2026-03-01T14:30";

    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) +(\\d.*)");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");

    private final ZoneId studyZone;

    public WhenParser(ZoneId studyZone) {
        this.studyZone = studyZone;
    }

    /** Returns null when the text is not a date or date-time. */
    public When parse(String raw) {
        String text = raw.trim();
        try {
            if (DATE_ONLY.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text);
                return new When(date, null, date.toString());
            }
            var spaced = SPACE_SEPARATED.matcher(text);
            if (spaced.matches()) text = spaced.group(1) + "T" + spaced.group(2);
            if (HAS_OFFSET.matcher(text).matches()) {
                OffsetDateTime written = OffsetDateTime.parse(text);
                // The calendar date is the one written, in its own offset, as the site's monitor reads it (SPEC 4).
                return new When(written.toLocalDate(), written.toInstant(), written.toString());
            }
            LocalDateTime local = LocalDateTime.parse(text);
            // atZone resolves a DST gap by moving forward and an overlap to the earlier offset: the
            // site cannot tell us which one it meant, and either is within the hour.
            return new When(local.toLocalDate(), local.atZone(studyZone).toInstant(), local.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
