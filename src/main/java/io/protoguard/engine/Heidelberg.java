package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.CheckContext;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.SichClassification;
import io.protoguard.model.Subject;
import io.protoguard.model.When;
import io.protoguard.model.rules.SafetyRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Heidelberg Bleeding Classification, symptomatic ICH: (NIHSS rise >= threshold, or a rise >= threshold in
 * one item, or a major intervention) and no alternative explanation. Undetermined when a missing value
 * could change the verdict.
 */
public final class Heidelberg {
    private Heidelberg() {}

    public static SichClassification classify(ClinicalEvent e, SafetyRule nihssRise, SafetyRule itemRise) {
        List<String> met = new ArrayList<>(), missing = new ArrayList<>();
        Boolean rise = e.nihssBefore() == null || e.nihssAtDiagnosis() == null ? null
                : e.nihssAtDiagnosis() - e.nihssBefore() >= nihssRise.value();
        note(rise, "NIHSS rise " + (rise == null ? "" : (e.nihssAtDiagnosis() - e.nihssBefore())) + " >= "
                + Texts.num(nihssRise.value()), "NihssBefore/NihssAtDiagnosis", met, missing);
        Boolean item = e.maxItemIncrease() == null ? null : e.maxItemIncrease() >= itemRise.value();
        note(item, "item rise " + e.maxItemIncrease() + " >= " + Texts.num(itemRise.value()), "MaxItemIncrease", met, missing);
        Boolean major = e.majorIntervention() == null ? null : !"NONE".equalsIgnoreCase(e.majorIntervention());
        note(major, "major intervention " + e.majorIntervention(), "MajorIntervention", met, missing);

        if (Boolean.TRUE.equals(e.alternativeExplanation())) {
            return new SichClassification(e, false, "alternative explanation for the deterioration");
        }
        if (!met.isEmpty()) {
            if (e.alternativeExplanation() == null) {
                return new SichClassification(e, null, String.join(", ", met) + " but AlternativeExplanation not recorded");
            }
            return new SichClassification(e, true, String.join(", ", met) + ", no alternative explanation");
        }
        if (!missing.isEmpty()) return new SichClassification(e, null, "not recorded: " + String.join(", ", missing));
        return new SichClassification(e, false, "no Heidelberg criterion met");
    }

    private static void note(Boolean v, String ifMet, String field, List<String> met, List<String> missing) {
        if (v == null) missing.add(field);
        else if (v) met.add(ifMet);
    }

    public static String verdict(Boolean symptomatic) {
        return symptomatic == null ? "undetermined" : symptomatic ? "symptomatic" : "not symptomatic";
    }

    /** An sICH detected within the rule's window after randomization needs an SAE report within {@code value} hours. */
    public static List<Finding> saeReport(SafetyRule r, Subject s, SichClassification c, CheckContext ctx) {
        ClinicalEvent e = c.event();
        if (!Boolean.TRUE.equals(c.symptomatic()) || s.randomizedAt() == null) return List.of();
        When detected = e.detectedAt();
        String expected = "SAE reported within " + Texts.num(r.value()) + " h of detection";
        Elapsed h = Elapsed.between(s.randomizedAt(), detected, ctx.zone());
        if (h.outside(0, window(r))) return List.of();
        if (!h.within(0, window(r)) || !detected.hasTime()) {
            // Undecided whether the sICH falls in the window, or no time to count the deadline from.
            if (!detected.hasTime()) {
                return List.of(new Finding(Category.DATA_QUALITY, null, detected.date(), "sICH " + e.eventId()
                        + ": DetectedAt has no time of day, so the " + Texts.num(window(r)) + " h window and the SAE deadline"
                        + " cannot be judged", expected, "DetectedAt " + detected.text() + " (no time)", e.source())
                        .because("DetectedAt"));
            }
            return List.of(Eligibility.randomizationTimeMissing(s));
        }
        Instant due = detected.instant().plus(Duration.ofSeconds(Math.round(r.value() * 3600)));
        ZoneId zone = detected.zone(ctx.zone());
        LocalDate dueDay = due.atZone(zone).toLocalDate();
        When reported = e.reportedSaeAt();
        if (reported == null) {
            if (!ctx.asOf().isAfter(dueDay)) return List.of();
            return List.of(new Finding(Category.SAFETY, null, dueDay, "sICH " + e.eventId() + " detected "
                    + (h.exact() ? Texts.hours(h.min()) : "within " + Texts.num(window(r)) + " h") + " after randomization has no SAE report", expected, "no ReportedSaeAt", e.source()));
        }
        if (reported.hasTime() ? !reported.instant().isAfter(due) : reported.date().isBefore(dueDay)) return List.of();
        if (!reported.hasTime() && reported.date().equals(dueDay)) {
            return List.of(new Finding(Category.DATA_QUALITY, null, dueDay, "sICH " + e.eventId()
                    + ": ReportedSaeAt has no time of day on the due date, so the deadline cannot be judged", expected,
                    "reported " + reported.text(), e.source()));
        }
        String late = reported.hasTime() ? Texts.hours(reported.hoursSince(detected)) + " after detection" : reported.text();
        return List.of(new Finding(Category.SAFETY, null, dueDay, "sICH " + e.eventId() + " was reported as an SAE late: "
                + late, expected + " (by " + due.atZone(zone).toLocalDateTime() + ")", "reported " + reported.text(), e.source()));
    }

    /** The site left SiteReportedSymptomatic empty: the monitor queries the site's classification (SPEC section 5). */
    public static Finding siteNotClassified(SichClassification c) {
        ClinicalEvent e = c.event();
        return new Finding(Category.DATA_QUALITY, null, e.detectedAt().date(), "ICH " + e.eventId()
                + " has no site classification (SiteReportedSymptomatic is empty); by the Heidelberg criteria it is "
                + verdict(c.symptomatic()), "SiteReportedSymptomatic Y or N", "SiteReportedSymptomatic empty (Heidelberg: "
                + verdict(c.symptomatic()) + ")", e.source());
    }

    private static double window(SafetyRule r) {
        return r.windowHours() == null ? Double.MAX_VALUE : r.windowHours();
    }
}
