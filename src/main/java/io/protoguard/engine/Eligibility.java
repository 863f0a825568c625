package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.Criterion;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.CheckContext;
import io.protoguard.model.When;
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
            case RANDOMIZED_WITH_TIME -> "RandomizedAt with a time of day";
        };
    }

    /**
     * Hours from onset to randomization against the limit. A value without a time of day stands for any
     * instant of its date, so the gap is only known to lie in a range: a verdict is given only when that whole
     * range decides it (a date-only onset the day before a 10:00 randomization is more than 10 h before it
     * whatever its time; one on the same date is at most 10 h before it).
     */
    public static Verdict onsetVerdict(EnrolmentRule r, Subject s, CheckContext ctx) {
        Elapsed gap = Elapsed.between(s.onsetAt(), s.randomizedAt(), ctx.zone());
        if (gap.max() <= r.limit()) return Verdict.MET;
        if (gap.min() > r.limit()) return Verdict.NOT_MET;
        return Verdict.UNKNOWN;
    }

    /** The onset limit cannot be decided: reported once for the value without a time of day. */
    public static Finding onsetUnknown(EnrolmentRule r, Subject s) {
        if (!s.randomizedAt().hasTime()) return randomizationTimeMissing(s);
        return new Finding(Category.DATA_QUALITY, null, randomizationDate(s), "OnsetAt " + s.onsetAt().text()
                + " has no time of day, so the hours from onset to randomization cannot be judged",
                expected(r) + " (needs the time of onset)", "OnsetAt " + s.onsetAt().text() + " (no time), randomized "
                + s.randomizedAt().text(), s.source()).because("OnsetAt");
    }

    public static Finding onsetNotRecorded(EnrolmentRule r, Subject s) {
        return new Finding(Category.ELIGIBILITY, null, randomizationDate(s),
                "OnsetAt is not recorded, so the time from onset to randomization cannot be judged",
                expected(r), "OnsetAt not recorded", s.source()).because("OnsetAt");
    }

    public static Finding ageNotRecorded(EnrolmentRule r, Subject s) {
        return new Finding(Category.ELIGIBILITY, null, randomizationDate(s), "Age is not recorded", expected(r),
                "not recorded", s.source()).because("Age");
    }

    /**
     * RandomizedAt without a time of day: one DATA_QUALITY finding (SPEC section 8), whichever of the rules
     * that need the time reports it; the others are listed as not judged.
     */
    public static Finding randomizationTimeMissing(Subject s) {
        return new Finding(Category.DATA_QUALITY, null, randomizationDate(s), "RandomizedAt " + s.randomizedAt().text()
                + " has no time of day, so the rules that count hours from randomization cannot be judged",
                "RandomizedAt with a time of day", "RandomizedAt " + s.randomizedAt().text() + " (no time)", s.source())
                .because("RandomizedAt");
    }

    /**
     * Consent at or before randomization. With a time on both, the instants decide; otherwise the dates as
     * written decide, unless both fall on one day: then it is unknown (SPEC section 4).
     */
    public static Verdict consentVerdict(Subject s) {
        When consent = s.consentAt(), rand = s.randomizedAt();
        if (consent.hasTime() && rand.hasTime()) return consent.instant().isAfter(rand.instant()) ? Verdict.NOT_MET : Verdict.MET;
        if (consent.date().isBefore(rand.date())) return Verdict.MET;
        if (consent.date().isAfter(rand.date())) return Verdict.NOT_MET;
        return Verdict.UNKNOWN;
    }

    /** Consent dated on the randomization day without a time on one of them: reported once for that value. */
    public static Finding consentUnknown(EnrolmentRule r, Subject s) {
        if (!s.randomizedAt().hasTime()) return randomizationTimeMissing(s);
        return new Finding(Category.DATA_QUALITY, null, randomizationDate(s), "ConsentAt " + s.consentAt().text()
                + " has no time of day and is the randomization date, so consent before randomization cannot be judged",
                "consent signed at or before " + s.randomizedAt().text() + " (needs the time of consent)",
                "ConsentAt " + s.consentAt().text() + " (no time)", s.source()).because("ConsentAt");
    }

    /** The gap in words: "10:00:01 h", or "more than 10 h" when a date without a time of day decides it whatever that time. */
    public static String onsetGap(EnrolmentRule r, Subject s) {
        if (s.onsetAt().hasTime() && s.randomizedAt().hasTime()) return Texts.hours(s.randomizedAt().hoursSince(s.onsetAt()));
        return "more than " + Texts.num(r.limit()) + " h";
    }

    public static LocalDate randomizationDate(Subject s) {
        return s.randomizedAt() == null ? null : s.randomizedAt().date();
    }
}
