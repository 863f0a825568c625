package io.protoguard.engine;

import io.protoguard.model.When;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Elapsed hours between two recorded values when one or both may lack a time of day. A date alone stands for
 * every instant of its day, read in the other value's written offset when it has one (the site wrote both on
 * its own calendar), else in the study zone; so the elapsed time is known to lie in {@code [min, max]}. A rule
 * gives a verdict only when the whole range gives the same one (SPEC section 4).
 */
public record Elapsed(double min, double max) {

    public static Elapsed between(When from, When to, ZoneId studyZone) {
        ZoneId fromZone = from.hasTime() ? null : to.zone(studyZone);
        ZoneId toZone = to.hasTime() ? null : from.zone(studyZone);
        double min = hours(latest(from, fromZone), earliest(to, toZone));
        double max = hours(earliest(from, fromZone), latest(to, toZone));
        return new Elapsed(min, max);
    }

    public boolean exact() {
        return min == max;
    }

    /** Every possible value lies within {@code [low, high]}. */
    public boolean within(double low, double high) {
        return min >= low && max <= high;
    }

    /** No possible value lies within {@code [low, high]}. */
    public boolean outside(double low, double high) {
        return max < low || min > high;
    }

    private static Instant earliest(When w, ZoneId zone) {
        return w.hasTime() ? w.instant() : w.date().atStartOfDay(zone).toInstant();
    }

    /** The last second of a date without time (sites record minutes, so nothing later than that is meant). */
    private static Instant latest(When w, ZoneId zone) {
        return w.hasTime() ? w.instant() : w.date().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }
}
