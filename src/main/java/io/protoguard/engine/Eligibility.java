package io.protoguard.engine;

import io.protoguard.model.Criterion;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.EnrolmentRule;
import java.time.LocalDate;

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
     * Hours from onset to randomization against the limit. Without both times the gap is only known to
     * lie between (days - 1) and (days + 1) x 24 h: a verdict is given only when that range decides it.
     */
    public static Verdict onsetVerdict(EnrolmentRule r, Subject s) {
        if (s.onsetAt().hasTime() && s.randomizedAt().hasTime()) {
            return s.randomizedAt().hoursSince(s.onsetAt()) <= r.limit() ? Verdict.MET : Verdict.NOT_MET;
        }
        long days = s.randomizedAt().daysSince(s.onsetAt());
        if ((days - 1) * 24.0 >= r.limit()) return Verdict.NOT_MET;
        if ((days + 1) * 24.0 <= r.limit()) return Verdict.MET;
        return Verdict.UNKNOWN;
    }

    public static String onsetGap(Subject s) {
        if (s.onsetAt().hasTime() && s.randomizedAt().hasTime()) return Texts.hours(s.randomizedAt().hoursSince(s.onsetAt()));
        return s.randomizedAt().daysSince(s.onsetAt()) + " calendar days";
    }

    public static LocalDate randomizationDate(Subject s) {
        return s.randomizedAt() == null ? null : s.randomizedAt().date();
    }
}
