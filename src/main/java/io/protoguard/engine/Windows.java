package io.protoguard.engine;

import io.protoguard.model.Assessment;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Subject;
import io.protoguard.model.When;
import io.protoguard.model.rules.VisitWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The time rules of SPEC section 4, as functions the shared schedule rules call: day windows count
 * calendar days (as written) from the randomization date (day 0), hour windows count real elapsed time, both
 * bounds inclusive. A date without a time of day stands for every instant of its day: against an hour window
 * it is judged only when every one of them gives the same verdict.
 */
public final class Windows {
    private Windows() {}

    public enum Verdict { IN, OUT, UNKNOWN }

    /** The window on this subject's calendar; null when it cannot be placed (no time of randomization for an hour window). */
    public static WindowSpan span(VisitWindow w, Subject s, CheckContext ctx) {
        When origin = s.randomizedAt();
        if (origin == null) return null;
        ZoneId zone = origin.zone(ctx.zone());
        if (w.unit() == VisitWindow.Unit.DAY) {
            LocalDate first = origin.date().plusDays((long) Math.ceil(w.from()));
            LocalDate last = origin.date().plusDays((long) Math.floor(w.to()));
            When discharged = s.dischargedAt();
            LocalDate dischargeDay = w.orOnDischarge() && discharged != null && discharged.date().isBefore(first)
                    && !discharged.date().isBefore(origin.date()) ? discharged.date() : null;
            return new WindowSpan(w, origin, first, last, null, null, dischargeDay, zone);
        }
        if (!origin.hasTime()) return null;
        Instant from = origin.instant().plus(hours(w.from()));
        Instant to = origin.instant().plus(hours(w.to()));
        return new WindowSpan(w, origin, from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate(), from, to, null, zone);
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds(Math.round(h * 3600));
    }

    public static boolean appliesTo(String arm, Subject s) {
        return arm == null || arm.equalsIgnoreCase(s.arm());
    }

    /** Closed once the as-of date is after the window's last day; before that it is pending. */
    public static boolean closed(WindowSpan span, CheckContext ctx) {
        return ctx.asOf().isAfter(span.lastDay());
    }

    /** Expected only if the subject was neither dead nor withdrawn when the window closed. */
    public static boolean expected(WindowSpan span, Subject s) {
        When end = s.endOfFollowUp();
        if (end == null) return true;
        if (span.hourly() && end.hasTime()) return end.instant().isAfter(span.to());
        return end.date().isAfter(span.lastDay());
    }

    /**
     * Could the assessment fall in the window? For attributing an assessment without Visit: a date alone
     * falls in an hour window if some instant of its day does.
     */
    public static boolean holds(WindowSpan span, Assessment a) {
        return verdict(span, a) != Verdict.OUT;
    }

    /** In, out, or (a date without time across an hour bound) unknown. */
    public static Verdict verdict(WindowSpan span, Assessment a) {
        When at = a.performedAt();
        if (!span.hourly()) {
            boolean in = !at.date().isBefore(span.firstDay()) && !at.date().isAfter(span.lastDay())
                    || at.date().equals(span.dischargeDay());
            return in ? Verdict.IN : Verdict.OUT;
        }
        if (at.hasTime()) return !at.instant().isBefore(span.from()) && !at.instant().isAfter(span.to()) ? Verdict.IN : Verdict.OUT;
        // SPEC section 4: a value without a time of day cannot be judged against an hour window (DATA_QUALITY).
        // For attribution it may count for the window when some instant of its day falls in it.
        Instant first = at.date().atStartOfDay(span.zone()).toInstant();
        Instant last = at.date().plusDays(1).atStartOfDay(span.zone()).toInstant().minusSeconds(1);
        return last.isBefore(span.from()) || first.isAfter(span.to()) ? Verdict.OUT : Verdict.UNKNOWN;
    }

    /** Outside the window (an assessment with its time, or any assessment against a day window). */
    public static boolean outside(WindowSpan span, Assessment a) {
        return !timeMissing(span, a) && verdict(span, a) == Verdict.OUT;
    }

    /** A date without time of day against an hour window: it cannot be judged (DATA_QUALITY, SPEC section 4). */
    public static boolean timeMissing(WindowSpan span, Assessment a) {
        return span.hourly() && !a.performedAt().hasTime();
    }

    /**
     * Recorded after death: impossible, so it fills no window and counts for no outcome; the DateOrder row
     * comparing it with DiedAt is its only finding. A DiedAt before RandomizedAt is itself the impossible value
     * (reported once, by its own DateOrder row), so nothing is judged to lie after it.
     */
    public static boolean afterDeath(When w, Subject s) {
        When died = s.diedAt();
        if (w == null || died == null || !w.isAfter(died)) return false;
        return s.randomizedAt() == null || !s.randomizedAt().isAfter(died);
    }

    /** For an assessment without Visit: the window of its test that holds it, nearest target first; empty if none (unscheduled). */
    public static List<WindowSpan> holding(List<?> windows, Subject s, Assessment a, CheckContext ctx) {
        if (afterDeath(a.performedAt(), s)) return List.of();
        return nearestHolding(windows.stream()
                .map(w -> (VisitWindow) w)
                .filter(w -> w.test().equals(a.test()) && appliesTo(w.arm(), s))
                .map(w -> span(w, s, ctx))
                .filter(span -> span != null)
                .toList(), a);
    }

    /** Of the subject's placed windows ({@code spans}, of the assessment's test), the one that holds it, nearest target first. */
    public static List<WindowSpan> nearestHolding(List<?> spans, Assessment a) {
        return spans.stream()
                .map(span -> (WindowSpan) span)
                .filter(span -> holds(span, a))
                .sorted(Comparator.comparingDouble((WindowSpan span) -> distance(span, a))
                        .thenComparing(span -> span.window().ruleId()))
                .limit(1)
                .toList();
    }

    private static double distance(WindowSpan span, Assessment a) {
        double targetHours = span.window().target() * (span.hourly() ? 1 : 24);
        double atHours = a.performedAt().hasTime() && span.origin().hasTime()
                ? a.performedAt().hoursSince(span.origin())
                : a.performedAt().daysSince(span.origin()) * 24.0;
        return Math.abs(atHours - targetHours);
    }

    /** Where the assessment falls, in words, e.g. "62:30 h after randomization (2026-03-03T16:30)". */
    public static String position(WindowSpan span, Assessment a) {
        When at = a.performedAt();
        if (span.hourly() && !at.hasTime()) return "on " + at.text() + ", outside the window whatever the time of day";
        if (span.hourly()) {
            double h = at.hoursSince(span.origin());
            return Texts.hours(Math.abs(h)) + (h < 0 ? " before" : " after") + " randomization (" + at.text() + ")";
        }
        return Texts.day(at.daysSince(span.origin())) + ", " + at.text();
    }
}
