package io.protoguard.intake;

import io.protoguard.model.When;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    /** The study zone's offset when it never changes (UTC, the default): no zone rules to consult per value. */
    private final ZoneOffset fixedOffset;

    public WhenParser(ZoneId studyZone) {
        this.studyZone = studyZone;
        this.fixedOffset = studyZone.getRules().isFixedOffset() ? studyZone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    /** Returns null when the text is not a date or date-time. */
    public When parse(String raw) {
        String text = raw.trim();
        // Nearly every cell is yyyy-MM-dd, yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss: read by hand, the formatter
        // and three regexes were 15 % of a 100k check (docs/benchmarks.md, round 2). Anything else, and any
        // value the fast path is unsure of, goes the general way below, which decides alone.
        When fast = parseIsoShape(text);
        return fast != null ? fast : parseGeneral(text);
    }

    /** The three common shapes, or null when the text is not one of them (the general path then decides). */
    private When parseIsoShape(String t) {
        int n = t.length();
        if (n != 10 && n != 16 && n != 19) return null;
        if (!digits(t, 0, 4) || t.charAt(4) != '-' || !digits(t, 5, 7) || t.charAt(7) != '-' || !digits(t, 8, 10)) return null;
        int year = number(t, 0, 4), month = number(t, 5, 7), day = number(t, 8, 10);
        try {
            if (n == 10) {
                LocalDate date = LocalDate.of(year, month, day);
                return new When(date, null, t); // LocalDate.toString of a 4-digit year is the text itself
            }
            if (t.charAt(10) != 'T' || !digits(t, 11, 13) || t.charAt(13) != ':' || !digits(t, 14, 16)) return null;
            int second = 0;
            if (n == 19) {
                if (t.charAt(16) != ':' || !digits(t, 17, 19)) return null;
                second = number(t, 17, 19);
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, number(t, 11, 13), number(t, 14, 16), second);
            // LocalDateTime.toString drops ":00" seconds; the general path's text is that string.
            String text = n == 16 || second != 0 ? t : t.substring(0, 16);
            return new When(local.toLocalDate(), fixedOffset != null ? local.toInstant(fixedOffset)
                    : local.atZone(studyZone).toInstant(), text);
        } catch (DateTimeException e) {
            return null; // 2026-02-30, 25:00 and the like: the general path rejects them too, with its own reasons
        }
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int number(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (t.charAt(i) - '0');
        return v;
    }

    /** Every spelling SPEC section 4 allows, through java.time's ISO formatters; text is already trimmed. */
    When parseGeneral(String text) {
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
