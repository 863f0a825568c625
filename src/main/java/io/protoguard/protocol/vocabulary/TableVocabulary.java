package io.protoguard.protocol.vocabulary;

import static io.protoguard.protocol.vocabulary.ColumnSpec.optional;
import static io.protoguard.protocol.vocabulary.ColumnSpec.required;

import io.protoguard.model.rules.AfterDeathRule;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.SafetyRule;
import io.protoguard.protocol.vocabulary.ParamType.Choice;
import io.protoguard.protocol.vocabulary.ParamType.Code;
import io.protoguard.protocol.vocabulary.ParamType.CodeList;
import io.protoguard.protocol.vocabulary.ParamType.DateField;
import io.protoguard.protocol.vocabulary.ParamType.Id;
import io.protoguard.protocol.vocabulary.ParamType.Num;
import io.protoguard.protocol.vocabulary.ParamType.Text;
import io.protoguard.protocol.vocabulary.ParamType.Unit;
import io.protoguard.protocol.vocabulary.ParamType.YesNoAnswer;
import io.protoguard.protocol.vocabulary.TableKind.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a decision table may say, and nothing more: the table kinds the engine ships, each with the exact
 * code template of every column it allows (the builder calls of io.protoguard.model.rules), the type and domain
 * of each column's cells, and the constraints a CONDITION column may put on a fact. A table whose header,
 * column kinds or templates are not in here is refused before anything is compiled. A new column is one entry
 * in its kind's list (and the builder method it calls); docs/authoring.md lists them all.
 */
public final class TableVocabulary {
    /** The RuleSet and Import a table's header must hold, exactly. */
    public static final String PACKAGE = "io.protoguard.rules";
    public static final String IMPORT = "io.protoguard.model.rules.*";

    /** Wide enough for any protocol (about 270 years in days, 11 years in hours), small enough that no date arithmetic overflows. */
    static final double TIME_LIMIT = 100_000;
    static final double VALUE_LIMIT = 1e9;

    private static final ColumnSpec SEVERITY = optional("Severity", "r.severity(\"$param\");", ParamType.severity());
    /** SPEC section 6: where a citation comes from. Accepted now; the builders' citationSource method arrives with issue 9. */
    private static final ColumnSpec CITATION_SOURCE = optional("CitationSource", "r.citationSource(\"$param\");",
            new Choice("PROTOCOL", "REGULATION", "SPONSOR"));
    private static final ColumnSpec CITATION = required("Citation", "insert(r.citation(\"$param\"));", new Text(4000));
    private static final ColumnSpec ARM = optional("Arm", "r.arm(\"$param\");", new Code(CodeKind.ARM));

    private static final List<TableKind> KINDS = List.of(
            compiled("Schedule", "VisitWindow", List.of(
                    required("Visit", "r.visit(\"$param\");", new Code(CodeKind.VISIT)),
                    required("Test", "r.test(\"$param\");", new Code(CodeKind.TEST)),
                    required("Unit", "r.unit(\"$param\");", new Choice(List.of("DAY", "HOUR"),
                            Map.of("D", "DAY", "DAYS", "DAY", "H", "HOUR", "HOURS", "HOUR"))),
                    required("Target", "r.target($param);", Num.atLeast(-TIME_LIMIT, TIME_LIMIT)),
                    optional("Minus", "r.minus($param);", Num.atLeast(0, TIME_LIMIT)),
                    optional("Plus", "r.plus($param);", Num.atLeast(0, TIME_LIMIT)),
                    optional("OrOnDischarge", "r.orOnDischarge(\"$param\");", new YesNoAnswer()),
                    ARM, SEVERITY), List.of()),
            compiled("Ranges", "ValueRange", List.of(
                    required("Test", "r.test(\"$param\");", new Code(CodeKind.TEST)),
                    optional("Min", "r.min($param);", Num.atLeast(-VALUE_LIMIT, VALUE_LIMIT)),
                    optional("Max", "r.max($param);", Num.atLeast(-VALUE_LIMIT, VALUE_LIMIT)),
                    optional("Step", "r.step($param);", Num.above(0, VALUE_LIMIT)),
                    optional("Codes", "r.codes(\"$param\");", new CodeList()),
                    SEVERITY), List.of(RowChecks::rangeBounds)),
            compiled("Criteria", "CriterionRule", List.of(
                    required("Criterion", "r.criterion(\"$param\");", new Code(CodeKind.CRITERION)),
                    optional("Operator", "r.operator(\"$param\");", ParamType.of(CriterionRule.Operator.class)),
                    required("Value", "r.value(\"$param\");", new Code(null)),
                    optional("Sex", "r.sex(\"$param\");", new Choice("M", "F")),
                    ARM, SEVERITY), List.of(RowChecks::criterionValue)),
            compiled("Enrolment", "EnrolmentRule", List.of(
                    required("Check", "r.check(\"$param\");", ParamType.of(EnrolmentRule.Check.class)),
                    optional("Limit", "r.limit($param);", Num.atLeast(0, TIME_LIMIT)),
                    ARM, SEVERITY), List.of(RowChecks::enrolmentLimit)),
            compiled("Dosing", "DosingRule", List.of(
                    ARM,
                    required("Treatment", "r.treatment(\"$param\");", new Code(CodeKind.TREATMENT)),
                    required("Check", "r.check(\"$param\");", ParamType.of(DosingRule.Check.class)),
                    optional("Value", "r.value($param);", Num.atLeast(0, VALUE_LIMIT)),
                    optional("Unit", "r.unit(\"$param\");", new Unit()),
                    optional("Tolerance", "r.tolerance($param);", Num.above(0, TIME_LIMIT)),
                    optional("ToleranceUnit", "r.toleranceUnit(\"$param\");", new Unit()),
                    SEVERITY), List.of(RowChecks::dosingValue, RowChecks::dosingTolerance)),
            compiled("Safety", "SafetyRule", List.of(
                    required("Check", "r.check(\"$param\");", ParamType.of(SafetyRule.Check.class)),
                    optional("EventType", "r.eventType(\"$param\");", new Code(null)),
                    optional("Value", "r.value($param);", Num.above(0, 1000)),
                    optional("WindowHours", "r.windowHours($param);", Num.above(0, TIME_LIMIT)),
                    SEVERITY), List.of(RowChecks::safetyValue)),
            compiled("Outcomes", "OutcomeRule", List.of(
                    required("Outcome", "r.outcome(\"$param\");", new Text(200)),
                    required("Kind", "r.kind(\"$param\");", ParamType.of(OutcomeRule.Kind.class)),
                    optional("Test", "r.test(\"$param\");", new Code(CodeKind.TEST)),
                    optional("FromVisit", "r.fromVisit(\"$param\");", new Code(CodeKind.VISIT)),
                    optional("Visit", "r.visit(\"$param\");", new Code(CodeKind.VISIT)),
                    required("Value", "r.value($param);", Num.atLeast(0, TIME_LIMIT))), List.of(RowChecks::outcomeColumns)),
            compiled("DateOrder", "DateOrderRule", List.of(
                    required("Earlier", "r.earlier(\"$param\");", new DateField()),
                    required("Later", "r.later(\"$param\");", new DateField()),
                    SEVERITY), List.of()),
            // SDTM protocols (cdiscpilot01): windows on visits done, doses by dispensing visit, records after death.
            compiled("Visits", "VisitDayWindow", List.of(
                    required("Visit", "r.visit(\"$param\");", new Code(CodeKind.VISIT)),
                    required("Target", "r.target($param);", Num.atLeast(-TIME_LIMIT, TIME_LIMIT)),
                    optional("Minus", "r.minus($param);", Num.atLeast(0, TIME_LIMIT)),
                    optional("Plus", "r.plus($param);", Num.atLeast(0, TIME_LIMIT)),
                    optional("Numbering", "r.numbering(\"$param\");", ParamType.of(VisitDayWindow.Numbering.class)),
                    optional("WindowSource", "r.windowSource(\"$param\");", new Choice("PROTOCOL", "REGULATION", "SPONSOR")),
                    SEVERITY), List.of()),
            compiled("Dispensing", "DispensedDoseRule", List.of(
                    ARM,
                    optional("Visit", "r.visit(\"$param\");", new Code(CodeKind.VISIT)),
                    required("Treatment", "r.treatment(\"$param\");", new Code(CodeKind.TREATMENT)),
                    required("Dose", "r.dose($param);", Num.atLeast(0, VALUE_LIMIT)),
                    optional("Unit", "r.unit(\"$param\");", new Unit()),
                    SEVERITY), List.of()),
            compiled("AfterDeath", "AfterDeathRule", List.of(
                    required("Record", "r.record(\"$param\");", ParamType.of(AfterDeathRule.Record.class)),
                    SEVERITY), List.of()),
            // Central monitoring (docs/central-monitoring.md): site KRIs, data only like Codes. The choices are the
            // names of io.protoguard.risk's KriNumerator, KriDenominator and KriMethod (a test keeps them equal).
            new TableKind("Risk", null, false, List.of(
                    required("KriId", "", new Id()),
                    required("Title", "", new Text(200)),
                    required("Numerator", "", new Choice("IMPORTANT_DEVIATIONS", "ALL_DEVIATIONS", "MISSED_ASSESSMENTS",
                            "LATE_SAE_REPORTS", "ELIGIBILITY_DEVIATIONS", "SCREEN_FAILURES")),
                    required("Denominator", "", new Choice("SUBJECTS", "RANDOMIZED_SUBJECTS", "DAYS_ON_STUDY",
                            "EXPECTED_ASSESSMENTS", "SICH_EVENTS")),
                    optional("Method", "", new Choice("WINSORIZED", "GSM")),
                    required("Amber", "", Num.above(0, 100)),
                    required("Red", "", Num.above(0, 100)),
                    optional("MinDenominator", "", Num.atLeast(0, VALUE_LIMIT)),
                    optional("CitationSource", "", new Choice("PROTOCOL", "REGULATION", "SPONSOR")),
                    optional("Citation", "", new Text(4000))), List.of(RowChecks::riskThresholds)),
            new TableKind("Codes", null, false, List.of(
                    required("Kind", "", ParamType.of(CodeKind.class)),
                    required("Code", "", new ParamType.DeclaredCode()),
                    optional("Meaning", "", new Text(200)),
                    optional("Citation", "", new Text(4000))), List.of()));

    /** The CONDITION constraints a table may put on the subject's facts (docs/authoring.md, "Advanced"). */
    private static final List<ConstraintSpec> CONSTRAINTS = List.of(
            new ConstraintSpec("Subject", "io.protoguard.model.Subject", "arm == \"$param\"", new Code(CodeKind.ARM)),
            new ConstraintSpec("Subject", "io.protoguard.model.Subject", "sex == \"$param\"", new Choice("M", "F")),
            new ConstraintSpec("Subject", "io.protoguard.model.Subject", "site == \"$param\"", new Code(null)));

    private TableVocabulary() {}

    /** RuleId first, then the kind's own columns, then CitationSource, Citation last: the order the builder needs. */
    private static TableKind compiled(String name, String builder, List<ColumnSpec> own, List<TableKind.RowCheck> checks) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(required("RuleId", builder + ".Builder r = " + builder + ".rule(\"$param\");", new Id()));
        columns.addAll(own);
        columns.add(CITATION_SOURCE);
        columns.add(CITATION);
        return new TableKind(name, builder, true, List.copyOf(columns), checks);
    }

    public static List<TableKind> kinds() {
        return KINDS;
    }

    public static List<ConstraintSpec> constraints() {
        return CONSTRAINTS;
    }

    /** The compiled kind whose first template is {@code template}, else null. */
    public static TableKind byFirstTemplate(String template) {
        return KINDS.stream().filter(k -> k.compiled() && k.first().template().equals(template)).findFirst().orElse(null);
    }

    /** The data-only kind named {@code name} (a RuleTable Codes), else null. */
    public static TableKind dataKind(String name) {
        return KINDS.stream().filter(k -> !k.compiled() && k.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public static ConstraintSpec constraint(String factType, String template) {
        return CONSTRAINTS.stream().filter(c -> c.factType().equals(factType) && c.template().equals(template))
                .findFirst().orElse(null);
    }

    /** Checks that span several cells of a row, each blaming the cell at fault. */
    static final class RowChecks {
        private RowChecks() {}

        static Fault rangeBounds(Map<String, String> v) {
            Double min = num(v, "Min"), max = num(v, "Max");
            if (min != null && max != null && min > max) return new Fault("Max", "Max " + n(max) + " is below Min " + n(min));
            if (v.containsKey("Codes") && (min != null || max != null || v.containsKey("Step"))) {
                return new Fault("Codes", "a coded test takes Codes alone; leave Min, Max and Step empty, or Codes");
            }
            if (!v.containsKey("Codes") && min == null && max == null) {
                return new Fault("Min", "Min is empty; a range needs Min and/or Max, or Codes");
            }
            return null;
        }

        static Fault criterionValue(Map<String, String> v) {
            String op = v.getOrDefault("Operator", "EQ");
            if (!op.equals("EQ") && !op.equals("NE") && num(v, "Value") == null) {
                return new Fault("Value", "Value \"" + v.get("Value") + "\" must be a number for operator " + op);
            }
            return null;
        }

        static Fault enrolmentLimit(Map<String, String> v) {
            String check = v.get("Check");
            Double limit = num(v, "Limit");
            if (check == null || check.equals("CONSENT_BEFORE_RANDOMIZATION") || check.equals("RANDOMIZED_WITH_TIME")) return null;
            if (limit == null) return new Fault("Limit", "Limit is empty (needed by " + check + ")");
            if (check.startsWith("AGE_") && limit > 150) return new Fault("Limit", "Limit " + n(limit) + " is not an age in years (0 to 150)");
            if (check.equals("ONSET_TO_RANDOMIZATION_MAX_HOURS") && limit <= 0) {
                return new Fault("Limit", "Limit " + n(limit) + " must be greater than 0 hours");
            }
            return null;
        }

        static Fault dosingValue(Map<String, String> v) {
            String check = v.get("Check");
            if (check == null || check.equals("GIVEN") || check.equals("NOT_GIVEN") || check.equals("NOT_BEFORE_RANDOMIZATION")) return null;
            Double value = num(v, "Value");
            if (value == null) return new Fault("Value", "Value is empty (needed by " + check + ")");
            boolean timed = check.startsWith("START_WITHIN") || check.equals("COURSE_DURATION") || check.equals("RATE_PER_KG_DAY");
            if (timed && value <= 0) return new Fault("Value", "Value " + n(value) + " must be greater than 0 for " + check);
            return null;
        }

        static Fault dosingTolerance(Map<String, String> v) {
            Double tolerance = num(v, "Tolerance");
            if (tolerance != null && "%".equals(v.get("ToleranceUnit")) && tolerance >= 100) {
                return new Fault("Tolerance", "Tolerance " + n(tolerance) + " % must be less than 100 %");
            }
            return null;
        }

        static Fault safetyValue(Map<String, String> v) {
            String check = v.get("Check");
            if (check != null && !check.equals("SICH_SITE_AGREEMENT") && !v.containsKey("Value")) {
                return new Fault("Value", "Value is empty (needed by " + check + ")");
            }
            return null;
        }

        static Fault outcomeColumns(Map<String, String> v) {
            String kind = v.get("Kind");
            if (kind == null || kind.equals("DEATH_BY_DAY")) return null;
            List<String> needed = kind.equals("IMPROVEMENT") ? List.of("Test", "FromVisit", "Visit") : List.of("Test", "Visit");
            for (String c : needed) if (!v.containsKey(c)) return new Fault(c, c + " is empty (needed by " + kind + ")");
            return null;
        }

        static Fault riskThresholds(Map<String, String> v) {
            Double amber = num(v, "Amber"), red = num(v, "Red");
            if (amber != null && red != null && red <= amber) return new Fault("Red", "Red " + n(red) + " must be above Amber " + n(amber));
            return null;
        }

        private static Double num(Map<String, String> v, String column) {
            try {
                return v.containsKey(column) ? Double.valueOf(v.get(column)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String n(double d) {
            return Num.num(d);
        }
    }
}
