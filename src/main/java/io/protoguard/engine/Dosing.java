package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.When;
import io.protoguard.model.rules.DosingRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Functions the dosing rules call. {@code doses} are the subject's rows of the rule's treatment. */
public final class Dosing {
    private Dosing() {}

    /** The subject's rows of the rule's treatment, by start; a dose started after death is not judged (DateOrder reports it). */
    public static List<Dose> of(List<?> all, DosingRule r, Subject s) {
        return all.stream().map(d -> (Dose) d).filter(d -> d.treatment().equalsIgnoreCase(r.treatment()))
                .filter(d -> !Windows.afterDeath(d.startAt(), s))
                .sorted(Comparator.comparing((Dose d) -> d.startAt().date())
                        .thenComparing(d -> d.startAt().instant(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(d -> d.source().row()))
                .toList();
    }

    /**
     * A treatment the arm should receive is absent, once the randomization day is over. Not a deviation when
     * the subject died or withdrew before a dose could reasonably be given: follow-up ended on the
     * randomization day or the day after it (before the end of the first day after randomization).
     */
    public static List<Finding> given(DosingRule r, Subject s, List<Dose> doses, CheckContext ctx) {
        if (!doses.isEmpty() || s.randomizedAt() == null || !ctx.asOf().isAfter(s.randomizedAt().date())) return List.of();
        When end = s.endOfFollowUp();
        if (end != null && !end.date().isAfter(s.randomizedAt().date().plusDays(1))) return List.of();
        return List.of(new Finding(Category.DOSING, null, s.randomizedAt().date(),
                "No " + r.treatment() + " administration is recorded" + arm(s),
                r.treatment() + " given", "none recorded", null));
    }

    public static List<Finding> notGiven(DosingRule r, Subject s, List<Dose> doses) {
        return doses.stream().map(d -> new Finding(Category.DOSING, null, d.startAt().date(),
                r.treatment() + " was given" + arm(s) + ", which must not receive it",
                "no " + r.treatment(), r.treatment() + " " + Texts.num(d.dose()) + " " + d.unit() + " at " + d.startAt().text(),
                d.source())).toList();
    }

    /**
     * The first start against a limit after randomization or onset ({@code fromOnset}). A start before
     * randomization is the treatment-before-allocation rule's (NOT_BEFORE_RANDOMIZATION), not a late start. A
     * value without a time of day is judged when every time of its day gives the same verdict.
     */
    public static List<Finding> start(DosingRule r, Subject s, List<Dose> doses, boolean fromOnset, CheckContext ctx) {
        if (doses.isEmpty()) return List.of();
        Dose first = doses.get(0);
        When origin = fromOnset ? s.onsetAt() : s.randomizedAt();
        String originName = fromOnset ? "onset" : "randomization";
        String column = fromOnset ? "OnsetAt" : "RandomizedAt";
        String expected = r.treatment() + " started 0 to " + Texts.num(r.hours()) + " h after " + originName;
        if (origin == null) {
            return List.of(new Finding(Category.DATA_QUALITY, null, first.startAt().date(),
                    "The " + originName + " time is not recorded, so the start of " + r.treatment() + " cannot be judged",
                    expected, "no " + originName + " time", s.source()).because(column));
        }
        Elapsed h = Elapsed.between(origin, first.startAt(), ctx.zone());
        if (!fromOnset && h.max() < 0) return List.of();
        if (h.within(0, r.hours())) return List.of();
        if (!h.outside(0, r.hours())) {
            if (!fromOnset && !origin.hasTime()) return List.of(Eligibility.randomizationTimeMissing(s));
            boolean originDateOnly = !origin.hasTime();
            return List.of(new Finding(Category.DATA_QUALITY, null, first.startAt().date(), "The start of "
                    + r.treatment() + " or the " + originName + " has no time of day, so the " + Texts.num(r.hours())
                    + " h limit cannot be judged", expected, "start " + first.startAt().text() + ", " + originName + " "
                    + origin.text(), originDateOnly ? s.source() : first.source()).because(originDateOnly ? column : "StartAt"));
        }
        String when = !h.exact() ? (h.min() > r.hours() ? "more than " + Texts.num(r.hours()) + " h after " : "before ") + originName
                : h.min() < 0 ? Texts.hours(-h.min()) + " before " + originName : Texts.hours(h.min()) + " after " + originName;
        return List.of(new Finding(Category.DOSING, null, first.startAt().date(),
                "The first " + r.treatment() + " infusion started " + when, expected,
                "started " + first.startAt().text() + ", " + when, first.source()));
    }

    /**
     * Study treatment started before randomization: treatment before allocation, one finding per dose row.
     * Dates alone decide when they differ; on the randomization day a value without a time cannot.
     */
    public static List<Finding> notBefore(DosingRule r, Subject s, List<Dose> doses) {
        When rand = s.randomizedAt();
        if (rand == null) return List.of();
        List<Finding> out = new ArrayList<>();
        for (Dose d : doses) {
            When start = d.startAt();
            boolean before;
            if (start.hasTime() && rand.hasTime()) before = start.instant().isBefore(rand.instant());
            else if (!start.date().equals(rand.date())) before = start.date().isBefore(rand.date());
            else {
                out.add(!rand.hasTime() ? Eligibility.randomizationTimeMissing(s) : new Finding(Category.DATA_QUALITY, null,
                        start.date(), "The " + r.treatment() + " infusion dated " + start.text() + " has no time of day on the "
                        + "randomization day, so whether it started before randomization cannot be judged",
                        r.treatment() + " started at or after randomization (" + rand.text() + ")",
                        "StartAt " + start.text() + " (no time)", d.source()).because("StartAt"));
                continue;
            }
            if (!before) continue;
            String gap = start.hasTime() && rand.hasTime() ? Texts.hours(rand.hoursSince(start)) + " before randomization"
                    : "the day before randomization or earlier";
            out.add(new Finding(Category.DOSING, null, start.date(), "The " + r.treatment() + " infusion from " + start.text()
                    + " started " + gap + ": treatment before allocation", r.treatment() + " started at or after randomization ("
                    + rand.text() + ")", "started " + start.text() + ", " + gap, d.source()));
        }
        return out;
    }

    /**
     * Each row's rate, Dose / (EndAt - StartAt in days) / WeightKg, within target ± tolerance. A row without
     * EndAt has no rate yet: an infusion still running at the as-of date is no deviation, and one whose EndAt
     * was never recorded is reported once, by the course rule, when the course is overdue.
     */
    public static List<Finding> rate(DosingRule r, Subject s, List<Dose> doses) {
        List<Finding> out = new ArrayList<>();
        String expected = Texts.num(r.value()) + " " + r.unit() + " (" + Texts.num(r.low()) + " to " + Texts.num(r.high()) + ")";
        String doseUnit = r.unit() == null ? null : r.unit().split("/")[0].trim();
        for (Dose d : doses) {
            LocalDate on = d.startAt().date();
            String problem = null, column = null;
            if (doseUnit != null && !doseUnit.equalsIgnoreCase(d.unit().trim())) { problem = "its Unit is " + d.unit() + ", not " + doseUnit; column = "Unit"; }
            else if (s.weightKg() == null) { problem = "WeightKg is not recorded"; column = "WeightKg"; }
            else if (d.endAt() == null) continue; // still running, or never ended: the course rule judges a missing EndAt once overdue
            else if (!d.startAt().hasTime()) { problem = "StartAt has no time of day"; column = "StartAt"; }
            else if (!d.endAt().hasTime()) { problem = "EndAt has no time of day"; column = "EndAt"; }
            else if (d.endAt().instant().isBefore(d.startAt().instant())) continue; // the date-order row reports it
            else if (!d.endAt().isAfter(d.startAt())) { problem = "EndAt is not after StartAt"; column = "EndAt"; }
            if (problem != null) {
                out.add(new Finding(Category.DATA_QUALITY, null, on, "The " + r.treatment() + " rate of the infusion from "
                        + d.startAt().text() + " cannot be judged: " + problem, expected, problem,
                        "WeightKg".equals(column) ? s.source() : d.source()).because(column));
                continue;
            }
            double days = d.endAt().hoursSince(d.startAt()) / 24.0;
            double rate = d.dose() / days / s.weightKg();
            if (rate >= r.low() - 1e-9 && rate <= r.high() + 1e-9) continue;
            out.add(new Finding(Category.DOSING, null, on, "The " + r.treatment() + " infusion from " + d.startAt().text()
                    + " ran at " + Texts.beside(rate, rate < r.low() ? r.low() : r.high()) + " " + r.unit() + ", outside " + Texts.num(r.value()) + " ± "
                    + Texts.num(r.tolerance()) + (r.toleranceUnit() == null ? "" : " " + r.toleranceUnit()), expected,
                    Texts.beside(rate, rate < r.low() ? r.low() : r.high()) + " " + r.unit() + " (" + Texts.num(d.dose()) + " " + d.unit() + " over "
                            + Texts.hours(days * 24) + ", " + Texts.num(s.weightKg()) + " kg)", d.source()));
        }
        return out;
    }

    /**
     * First StartAt to last EndAt within target ± tolerance. A short course is pending while it could
     * still go on (as-of not past its latest allowed end) and is no deviation when death or withdrawal ended it
     * (came before the shortest allowed course could be complete, or not after its last infusion ended).
     */
    public static List<Finding> course(DosingRule r, Subject s, List<Dose> doses, CheckContext ctx) {
        if (doses.isEmpty()) return List.of();
        Dose first = doses.get(0);
        Dose last = doses.stream().filter(d -> d.endAt() != null)
                .max(Comparator.comparing((Dose d) -> d.endAt().date()).thenComparing(d -> d.endAt().hasTime() ? d.endAt().instant() : null,
                        Comparator.nullsFirst(Comparator.naturalOrder()))).orElse(null);
        String expected = Texts.num(r.low()) + " to " + Texts.num(r.high()) + " " + r.unit() + " from first start to last end";
        double lowH = r.low() * (r.hours() / r.value()), highH = r.high() * (r.hours() / r.value());
        LocalDate latestEnd = first.startAt().date().plusDays((long) Math.ceil(highH / 24.0));
        boolean open = doses.stream().anyMatch(d -> d.endAt() == null);
        if (open || last == null) {
            if (!ctx.asOf().isAfter(latestEnd)) return List.of();
            return List.of(new Finding(Category.DATA_QUALITY, null, latestEnd, "The " + r.treatment()
                    + " course has an infusion without EndAt, so its duration cannot be judged", expected,
                    "EndAt not recorded", first.source()));
        }
        if (!first.startAt().hasTime() || !last.endAt().hasTime()) {
            boolean start = !first.startAt().hasTime();
            return List.of(new Finding(Category.DATA_QUALITY, null, last.endAt().date(), "The " + r.treatment()
                    + " course's first StartAt or last EndAt has no time of day, so its duration cannot be judged",
                    expected, first.startAt().text() + " to " + last.endAt().text(), start ? first.source() : last.source())
                    .because(start ? "StartAt" : "EndAt"));
        }
        // A row ending before it starts is a data error (reported by the date-order and rate rules); the
        // course length computed from it would be meaningless, so it is not judged.
        if (doses.stream().anyMatch(d -> d.startAt().hasTime() && d.endAt().hasTime() && !d.endAt().isAfter(d.startAt()))) {
            return List.of();
        }
        double hours = last.endAt().hoursSince(first.startAt());
        if (hours >= lowH - 1e-9 && hours <= highH + 1e-9) return List.of();
        if (hours < lowH) {
            if (!ctx.asOf().isAfter(latestEnd)) return List.of();
            // Death or withdrawal before the shortest allowed course could be complete ended it: no deviation.
            When end = s.endOfFollowUp();
            if (end != null && end.hasTime() && end.instant().isBefore(first.startAt().instant().plusSeconds(Math.round(lowH * 3600)))) {
                return List.of();
            }
            if (end != null && !end.isAfter(last.endAt())) return List.of();
        }
        return List.of(new Finding(Category.DOSING, null, last.endAt().date(), "The " + r.treatment() + " course lasted "
                + Texts.hours(hours) + " (" + Texts.num(hours / 24) + " days), " + (hours < lowH ? "shorter" : "longer")
                + " than the protocol's " + Texts.num(r.value()) + " " + r.unit(), expected,
                Texts.hours(hours) + " from " + first.startAt().text() + " to " + last.endAt().text(), last.source()));
    }

    /** Each row's Dose against a minimum ({@code min}) or maximum, in the rule's unit. */
    public static List<Finding> amount(DosingRule r, List<Dose> doses, boolean min) {
        List<Finding> out = new ArrayList<>();
        String expected = r.treatment() + " " + (min ? "at least " : "at most ") + Texts.num(r.value()) + " " + r.unit();
        for (Dose d : doses) {
            if (r.unit() != null && !sameUnit(r.unit(), d.unit())) {
                out.add(wrongUnit(r, d, expected));
                continue;
            }
            boolean ok = min ? d.dose() >= r.value() - 1e-9 : d.dose() <= r.value() + 1e-9;
            if (!ok) {
                String dose = Texts.beside(d.dose(), r.value());
                out.add(new Finding(Category.DOSING, null, d.startAt().date(), "The " + r.treatment() + " dose of "
                        + dose + " " + d.unit() + " is " + (min ? "below" : "above") + " the protocol's "
                        + (min ? "minimum" : "maximum") + " of " + Texts.num(r.value()), expected, dose + " " + d.unit(), d.source()));
            }
        }
        return out;
    }

    /** A dose in another unit than the rule's: one finding for the value, whichever rule reads it. */
    static Finding wrongUnit(DosingRule r, Dose d, String expected) {
        return new Finding(Category.DATA_QUALITY, null, d.startAt().date(), "The " + r.treatment()
                + " dose is recorded in " + d.unit() + ", not " + r.unit() + ", so it cannot be judged", expected,
                Texts.num(d.dose()) + " " + d.unit(), d.source()).because("Unit");
    }

    static boolean sameUnit(String a, String b) {
        return a.replaceAll("\\s+", "").equalsIgnoreCase(b.replaceAll("\\s+", ""));
    }

    private static String arm(Subject s) {
        return s.arm() == null ? "" : " (arm " + s.arm() + ")";
    }
}
