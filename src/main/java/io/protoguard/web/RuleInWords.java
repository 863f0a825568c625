package io.protoguard.web;

import io.protoguard.model.rules.AfterDeathRule;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DateOrderRule;
import io.protoguard.model.rules.DispensedDoseRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.SafetyRule;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.model.rules.VisitWindow;
import java.util.Locale;

/** What a decision-table row checks, said in words for the protocol's rules page (issue 12, item 5). */
final class RuleInWords {
    private RuleInWords() {}

    static String of(ProtocolRule rule) {
        String arm;
        if (rule instanceof VisitWindow w) {
            return "Visit " + w.visit() + ": " + w.test() + " is done " + w.describe() + forArm(w.arm())
                    + (w.orOnDischarge() ? ", or on the day of discharge" : "") + ".";
        }
        if (rule instanceof VisitDayWindow w) {
            return "Visit " + w.visit() + " takes place on day " + num(w.target()) + " (" + num(w.target() - w.minus()) + " to "
                    + num(w.target() + w.plus()) + ", days counted " + (w.numbering() == VisitDayWindow.Numbering.SDTM
                    ? "from 1 on the first dose day" : "from 0 on the randomization day") + ").";
        }
        if (rule instanceof CriterionRule c) {
            return "Eligibility: criterion " + c.criterion() + " " + operator(c.operator()) + " " + c.value()
                    + (c.sex() == null ? "" : " (sex " + c.sex() + ")") + forArm(c.arm()) + ".";
        }
        if (rule instanceof EnrolmentRule e) {
            String limit = e.limit() == null ? "" : num(e.limit());
            return switch (e.check()) {
                case AGE_MIN -> "Age at enrolment is at least " + limit + " years" + forArm(e.arm()) + ".";
                case AGE_MAX -> "Age at enrolment is at most " + limit + " years" + forArm(e.arm()) + ".";
                case ONSET_TO_RANDOMIZATION_MAX_HOURS -> "Randomization is at most " + limit + " h after onset" + forArm(e.arm()) + ".";
                case CONSENT_BEFORE_RANDOMIZATION -> "Consent is given before randomization" + forArm(e.arm()) + ".";
                case RANDOMIZED_WITH_TIME -> "Randomization is recorded with its time of day" + forArm(e.arm()) + ".";
            };
        }
        if (rule instanceof DosingRule d) {
            arm = forArm(d.arm());
            return "Dosing of " + d.treatment() + arm + ": " + d.check().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (d.value() == null ? "" : " " + num(d.value()) + (d.unit() == null ? "" : " " + d.unit()))
                    + (d.tolerance() == null ? "" : " (±" + num(d.tolerance()) + (d.toleranceUnit() == null ? "" : " " + d.toleranceUnit()) + ")") + ".";
        }
        if (rule instanceof DispensedDoseRule d) {
            return "At visit " + d.visit() + ", " + num(d.dose()) + (d.unit() == null ? "" : " " + d.unit()) + " of " + d.treatment()
                    + " is dispensed" + forArm(d.arm()) + ".";
        }
        if (rule instanceof DateOrderRule d) {
            return d.earlier() + " comes before " + d.later() + ".";
        }
        if (rule instanceof AfterDeathRule a) {
            return "No " + (a.record() == AfterDeathRule.Record.VISIT ? "visit or assessment" : "dose") + " is recorded after death.";
        }
        if (rule instanceof SafetyRule s) {
            return switch (s.check()) {
                case SICH_NIHSS_RISE -> "Symptomatic ICH: an NIHSS rise of at least " + num(s.value()) + " points"
                        + (s.windowHours() == null ? "" : " within " + num(s.windowHours()) + " h") + " is classified.";
                case SICH_ITEM_RISE -> "Symptomatic ICH: a rise of at least " + num(s.value()) + " points in one NIHSS item is classified.";
                case SICH_SITE_AGREEMENT -> "The site's sICH classification agrees with the Heidelberg criteria.";
                case SAE_REPORT_WITHIN_HOURS -> "A " + (s.eventType() == null ? "serious" : s.eventType())
                        + " event is reported as an SAE within " + num(s.value() == null ? s.windowHours() : s.value()) + " h.";
            };
        }
        if (rule instanceof OutcomeRule o) {
            return "Outcome " + o.outcome() + ": " + switch (o.kind()) {
                case AT_MOST -> o.test() + " at " + o.visit() + " is at most " + num(o.value());
                case IMPROVEMENT -> o.test() + " improves by at least " + num(o.value()) + " from " + o.fromVisit() + " to " + o.visit();
                case DEATH_BY_DAY -> "death by day " + num(o.value());
            } + " (reported, never a deviation).";
        }
        return rule.getClass().getSimpleName() + " " + rule.ruleId() + ".";
    }

    private static String forArm(String arm) {
        return arm == null || arm.isBlank() ? "" : " (arm " + arm + ")";
    }

    private static String operator(CriterionRule.Operator op) {
        return switch (op) {
            case EQ -> "is";
            case NE -> "is not";
            case LE -> "is at most";
            case GE -> "is at least";
            case LT -> "is below";
            case GT -> "is above";
        };
    }

    private static String num(Double d) {
        if (d == null) return "?";
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
}
