package io.protoguard.engine;

import io.protoguard.model.Criterion;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.CheckContext;
import io.protoguard.model.When;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Functions the eligibility rules call: comparing a recorded criterion or age with a table row. */
public final class Eligibility {
    private Eligibility() {}

    public enum Verdict { MET, NOT_MET, UNKNOWN }

    public static boolean applies(CriterionRule r, Subject s) {
        if (!Windows.appliesTo(r.arm(), s)) return false;
        return r.sex() == null || s.sex() == null || r.sex().equalsIgnoreCase(s.sex());
    }

    public static boolean meets(CriterionRule r, Criterion c) {
        if (!r.numeric()) {
            boolean equal = r.value().equalsIgnoreCase(c.value());
            return r.operator() == CriterionRule.Operator.EQ ? equal : !equal;
        }
        if (c.number() == null) return false;
        double v = c.number(), limit = r.limit();
        return switch (r.operator()) {
            case LE -> v <= limit;
            case GE -> v >= limit;
            case LT -> v < limit;
            case GT -> v > limit;
            default -> throw new IllegalStateException(r.operator().name());
        };
    }

    public static String expected(CriterionRule r) {
        String op = switch (r.operator()) {
            case EQ -> "=";
            case NE -> "not";
            case LE -> "<=";
            case GE -> ">=";
            case LT -> "<";
            case GT -> ">";
        };
        return r.criterion() + " " + op + " " + r.value();
    }

    public static boolean ageMeets(EnrolmentRule r, int age) {
        return r.check() == EnrolmentRule.Check.AGE_MIN ? age >= r.limit() : age <= r.limit();
    }

    public static String expected(EnrolmentRule r) {
        return switch (r.check()) {
            case AGE_MIN -> "age >= " + Texts.num(r.limit());
            case AGE_MAX -> "age <= " + Texts.num(r.limit());
            case ONSET_TO_RANDOMIZATION_MAX_HOURS -> "randomized at most " + Texts.num(r.limit()) + " h after onset";
            case CONSENT_BEFORE_RANDOMIZATION -> "consent signed at or before randomization";
        };
    }

    /**
     * Hours from onset to randomization against the limit. A value without a time of day stands for any
     * instant of its date in the study's zone, so the gap is only known to lie in a range: a verdict is given
     * only when that whole range decides it (a date-only onset the day before a 10:00 randomization is more
     * than 10 h before it whatever its time; one on the same date is at most 10 h before it).
     */
    public static Verdict onsetVerdict(EnrolmentRule r, Subject s, CheckContext ctx) {
        When onset = s.onsetAt(), rand = s.randomizedAt();
        if (onset.hasTime() && rand.hasTime()) {
            return rand.hoursSince(onset) <= r.limit() ? Verdict.MET : Verdict.NOT_MET;
        }
        ZoneId zone = ctx.zone();
        // Largest possible gap: earliest onset to latest randomization (exclusive end of its date when date-only).
        double max = hours(first(onset, zone), rand.hasTime() ? rand.instant() : dayStart(rand.date().plusDays(1), zone));
        // Smallest possible gap: latest onset (exclusive when date-only) to earliest randomization.
        double min = hours(onset.hasTime() ? onset.instant() : dayStart(onset.date().plusDays(1), zone), first(rand, zone));
        if (max <= r.limit()) return Verdict.MET;
        if (onset.hasTime() ? min > r.limit() : min >= r.limit()) return Verdict.NOT_MET;
        return Verdict.UNKNOWN;
    }

    private static Instant first(When w, ZoneId zone) {
        return w.hasTime() ? w.instant() : dayStart(w.date(), zone);
    }

    private static Instant dayStart(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant();
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    /** The gap in words: "10:01 h", or "more than 10 h" when a date without a time of day decides it whatever that time. */
    public static String onsetGap(EnrolmentRule r, Subject s) {
        if (s.onsetAt().hasTime() && s.randomizedAt().hasTime()) return Texts.hours(s.randomizedAt().hoursSince(s.onsetAt()));
        return "more than " + Texts.num(r.limit()) + " h";
    }

    public static LocalDate randomizationDate(Subject s) {
        return s.randomizedAt() == null ? null : s.randomizedAt().date();
    }
}
