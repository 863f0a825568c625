package io.protoguard.engine;

import io.protoguard.model.Assessment;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Subject;
import io.protoguard.model.When;
import io.protoguard.model.rules.VisitWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The time rules of SPEC section 4, as functions the shared schedule rules call: day windows count
 * calendar days from the randomization date (day 0), hour windows count real elapsed time, both bounds
 * inclusive.
 */
public final class Windows {
    private Windows() {}

    /** The window on this subject's calendar; null when it cannot be placed (no time of randomization for an hour window). */
    public static WindowSpan span(VisitWindow w, Subject s, CheckContext ctx) {
        When origin = s.randomizedAt();
        if (origin == null) return null;
        if (w.unit() == VisitWindow.Unit.DAY) {
            LocalDate first = origin.date().plusDays((long) Math.ceil(w.from()));
            LocalDate last = origin.date().plusDays((long) Math.floor(w.to()));
            When discharged = s.dischargedAt();
            if (w.orOnDischarge() && discharged != null && discharged.date().isBefore(first)
                    && !discharged.date().isBefore(origin.date())) {
                return new WindowSpan(w, origin, discharged.date(), discharged.date(), null, null, true);
            }
            return new WindowSpan(w, origin, first, last, null, null, false);
        }
        if (!origin.hasTime()) return null;
        Instant from = origin.instant().plus(hours(w.from()));
        Instant to = origin.instant().plus(hours(w.to()));
        return new WindowSpan(w, origin, from.atZone(ctx.zone()).toLocalDate(), to.atZone(ctx.zone()).toLocalDate(),
                from, to, false);
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

    /** Does the assessment's date (or time) fall in the window? A date alone falls in an hour window if its day does. */
    public static boolean holds(WindowSpan span, Assessment a) {
        When at = a.performedAt();
        if (span.hourly() && at.hasTime()) return !at.instant().isBefore(span.from()) && !at.instant().isAfter(span.to());
        return !at.date().isBefore(span.firstDay()) && !at.date().isAfter(span.lastDay());
    }

    /** For an assessment without Visit: the window of its test that holds it, nearest target first; empty if none (unscheduled). */
    public static List<WindowSpan> holding(List<?> windows, Subject s, Assessment a, CheckContext ctx) {
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
        if (span.hourly()) return Texts.hours(at.hoursSince(span.origin())) + " after randomization (" + at.text() + ")";
        return Texts.day(at.daysSince(span.origin())) + ", " + at.text();
    }

    /** Can this assessment be judged against an hour window? Not when it carries no time of day. */
    public static boolean timeMissing(WindowSpan span, Assessment a) {
        return span.hourly() && !a.performedAt().hasTime();
    }
}
