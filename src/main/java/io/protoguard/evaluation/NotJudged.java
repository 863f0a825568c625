package io.protoguard.evaluation;

import io.protoguard.engine.Arms;
import io.protoguard.engine.Eligibility;
import io.protoguard.engine.Findings;
import io.protoguard.engine.Texts;
import io.protoguard.model.BadValue;
import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DateOrderRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.ValueRange;
import io.protoguard.model.rules.VisitWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * SPEC section 8, "one bad value, one finding", for the Subjects row: a value that could not be read (already
 * an input error) or that is readable but outside the protocol's plausibility range (a DATA_QUALITY deviation
 * against the range's table row, e.g. {@code Subjects.Age} 0 to 120) gives that one finding; the rules that
 * need the value add nothing of their own (their deviations, such as "Age is not recorded", are dropped), and
 * the subject's outcomes list them as not judged, with the value and its cell.
 */
final class NotJudged {
    private NotJudged() {}

    /** A plausibility range names a Subjects column in its Test cell: "Subjects.Age", "Subjects.WeightKg". */
    private static final Map<String, String> RANGE_COLUMNS = Map.of("SUBJECTS.AGE", "Age", "SUBJECTS.WEIGHTKG", "WeightKg");

    static Evaluator.SubjectResult apply(String protocolVersion, List<ProtocolRule> rules, SubjectData data,
                                         Evaluator.SubjectResult raw) {
        Subject s = data.subject();
        List<BadValue> bad = new ArrayList<>(data.badValues());
        Findings plausibility = new Findings(protocolVersion);
        Map<String, ValueRange> rangeOf = new LinkedHashMap<>();
        Map<String, Double> numberOf = new LinkedHashMap<>();
        for (ProtocolRule r : rules) {
            if (!(r instanceof ValueRange range) || !RANGE_COLUMNS.containsKey(range.test())) continue;
            String column = RANGE_COLUMNS.get(range.test());
            Double value = column.equals("Age") ? (s.age() == null ? null : s.age().doubleValue()) : s.weightKg();
            if (value == null || range.accepts(null, value) || rangeOf.containsKey(column)) continue;
            rangeOf.put(column, range);
            numberOf.put(column, value);
            bad.add(new BadValue(column, Texts.num(value), data.subjectCells().get(column), true));
        }
        if (bad.isEmpty()) return raw;

        List<Deviation> deviations = new ArrayList<>(raw.deviations());
        List<Outcome> outcomes = new ArrayList<>(raw.outcomes());
        for (BadValue b : bad) {
            Map<String, Predicate<Deviation>> needing = rulesNeeding(b.column(), rules);
            deviations.removeIf(d -> needing.containsKey(d.ruleId()) && needing.get(d.ruleId()).test(d));
            String ids = needing.isEmpty() ? "none" : String.join(", ", new TreeSet<>(needing.keySet()));
            String where = b.cell() == null ? "the Subjects row (row " + s.source().row() + ")" : b.cell();
            ValueRange range = rangeOf.get(b.column());
            if (range != null) {
                plausibility.deviation(range, Category.DATA_QUALITY, s, null, Eligibility.randomizationDate(s),
                        b.column() + " " + b.value() + " " + range.problem(null, numberOf.get(b.column()))
                                + "; not judged: " + ids,
                        range.describe(), b.column() + " " + b.value() + " (" + where + ")", s.source());
            }
            outcomes.add(new Outcome(s.subjectId(), "Not judged: " + b.column(), ids, b.column() + " \"" + b.value()
                    + "\" at " + where + (b.readable() ? " is outside its plausibility range" : " could not be read (input error)")));
        }
        deviations.addAll(plausibility.deviations());
        return new Evaluator.SubjectResult(deviations, outcomes);
    }

    /**
     * The rules that read a Subjects column, each with the deviations of it that depend on the column (for
     * death and withdrawal only the missed-assessment verdict of a window does; the rest judge the visit).
     */
    static Map<String, Predicate<Deviation>> rulesNeeding(String column, List<ProtocolRule> rules) {
        Map<String, Predicate<Deviation>> out = new LinkedHashMap<>();
        Predicate<Deviation> all = d -> true;
        for (ProtocolRule r : rules) {
            Predicate<Deviation> p = switch (column) {
                case "Age" -> r instanceof EnrolmentRule e && (e.check() == EnrolmentRule.Check.AGE_MIN
                        || e.check() == EnrolmentRule.Check.AGE_MAX) ? all : null;
                case "Sex" -> r instanceof CriterionRule c && c.sex() != null ? all : null;
                case "WeightKg" -> r instanceof DosingRule d && d.check() == DosingRule.Check.RATE_PER_KG_DAY ? all : null;
                case "Arm" -> Arms.of(r) != null ? all : null;
                case "OnsetAt" -> r instanceof EnrolmentRule e && e.check() == EnrolmentRule.Check.ONSET_TO_RANDOMIZATION_MAX_HOURS
                        || r instanceof DosingRule d && d.check() == DosingRule.Check.START_WITHIN_AFTER_ONSET
                        || names(r, column) ? all : null;
                case "ConsentAt" -> r instanceof EnrolmentRule e && e.check() == EnrolmentRule.Check.CONSENT_BEFORE_RANDOMIZATION
                        || names(r, column) ? all : null;
                case "DischargedAt" -> r instanceof VisitWindow w && w.orOnDischarge() || names(r, column) ? all : null;
                case "DiedAt", "WithdrawnAt" -> r instanceof VisitWindow
                        ? d -> d.category() == Category.MISSED_ASSESSMENT
                        : r instanceof OutcomeRule || names(r, column) || r instanceof DosingRule d
                        && (d.check() == DosingRule.Check.GIVEN || d.check() == DosingRule.Check.COURSE_DURATION) ? all : null;
                default -> null;
            };
            if (p != null) out.put(r.ruleId(), p);
        }
        return out;
    }

    /** A date-order row that compares this Subjects column. */
    private static boolean names(ProtocolRule r, String column) {
        if (!(r instanceof DateOrderRule d)) return false;
        String field = "Subjects." + column;
        return field.equalsIgnoreCase(d.earlier()) || field.equalsIgnoreCase(d.later());
    }
}
