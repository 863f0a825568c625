package io.protoguard.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A point in time as a site recorded it. {@code date} is the calendar date as written (in the value's own
 * UTC offset when it has one, else in the study's time zone: SPEC section 4);
 * {@code instant} is null when only a date was recorded, because such a value cannot be judged
 * against an hour window (SPEC section 4) and must never be mistaken for midnight.
 */
public record When(LocalDate date, Instant instant, String text) {

    public When {
        if (date == null) throw new IllegalArgumentException("date is required");
    }

    public static When ofDate(LocalDate date) {
        return new When(date, null, date.toString());
    }

    public boolean hasTime() {
        return instant != null;
    }

    /** Calendar days from {@code origin}'s date to this date (randomization day = day 0). */
    public long daysSince(When origin) {
        return ChronoUnit.DAYS.between(origin.date, date);
    }

    /** Real elapsed hours (fractional) from {@code origin}; both must carry a time of day. */
    public double hoursSince(When origin) {
        return Duration.between(origin.instant, instant).toSeconds() / 3600.0;
    }

    /** The UTC offset the value was written with ({@code ...T01:00+08:00}, {@code ...Z}); null when none was written. */
    public ZoneOffset writtenOffset() {
        int t = text.indexOf('T');
        if (instant == null || t < 0) return null;
        String time = text.substring(t);
        if (time.endsWith("Z")) return ZoneOffset.UTC;
        int sign = Math.max(time.lastIndexOf('+'), time.lastIndexOf('-'));
        if (sign < 0) return null;
        try {
            return ZoneOffset.of(time.substring(sign));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone this value's calendar is read in: its written offset, else the study's zone. */
    public ZoneId zone(ZoneId studyZone) {
        ZoneOffset written = writtenOffset();
        return written != null ? written : studyZone;
    }

    public boolean isAfter(When other) {
        if (hasTime() && other.hasTime()) return instant.isAfter(other.instant);
        return date.isAfter(other.date);
    }

    @Override
    public String toString() {
        return text;
    }
}
