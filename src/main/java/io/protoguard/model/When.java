package io.protoguard.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A point in time as a site recorded it. {@code date} is the calendar date in the study's time zone;
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

    public boolean isAfter(When other) {
        if (hasTime() && other.hasTime()) return instant.isAfter(other.instant);
        return date.isAfter(other.date);
    }

    @Override
    public String toString() {
        return text;
    }
}
