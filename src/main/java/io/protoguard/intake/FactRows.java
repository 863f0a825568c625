package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.CodeBook;
import io.protoguard.model.Criterion;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.When;
import io.protoguard.model.rules.YesNo;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The column rules of SPEC section 3, written once for every file format: each method validates one data
 * row and returns its fact, or null when any cell was at fault (the faults are already reported).
 */
final class FactRows {

    private static final List<String> HEIDELBERG = List.of("1a", "1b", "1c", "2", "3a", "3b", "3c", "3d");
    private static final List<String> INTERVENTIONS = List.of("NONE", "INTUBATION", "HEMICRANIECTOMY", "EVD", "OTHER");

    private final CodeBook codes;
    /** "subject|code" -> first row, for the codes that may appear once per subject. */
    private final Map<String, Integer> firstCriterionRow = new HashMap<>();
    private final Map<String, Integer> firstEventRow = new HashMap<>();

    FactRows(CodeBook codes) {
        this.codes = codes;
    }

    /**
     * Intake hands over one subject's rows at a time, so "first row of this key" only needs remembering
     * within a subject; forgetting it here keeps memory flat however many subjects follow.
     */
    void startSubject() {
        firstCriterionRow.clear();
        firstEventRow.clear();
    }

    Subject subject(RowCells r) {
        String id = r.text("SubjectId");
        String site = r.text("Site");
        String arm = r.code("Arm");
        if (arm != null && !codes.arms().isEmpty() && !codes.arms().contains(arm)) {
            r.error("Arm", "arm " + RowCells.quoted(arm) + " is unknown (known: " + listed(codes.arms()) + ")");
        }
        String sex = sex(r);
        Integer age = r.integer("Age");
        // A readable but impossible weight (0, -72) is judged against the protocol's plausibility range, not here.
        Double weight = r.number("WeightKg");
        When consent = r.when("ConsentAt");
        When onset = r.when("OnsetAt");
        When randomized = r.when("RandomizedAt");
        When discharged = r.when("DischargedAt");
        When died = r.when("DiedAt");
        When withdrawn = r.when("WithdrawnAt");
        // Only a bad required cell costs the subject; a bad optional one is its one input error, the value is
        // read as absent, and evaluation lists the rules that needed it as not judged.
        if (r.requiredFailed()) return null;
        if (r.badOptionalCells().stream().anyMatch(b -> b.column().equals("Arm"))) arm = null;
        return new Subject(id, site, arm, sex, age, weight, consent, onset, randomized, discharged, died, withdrawn,
                r.source());
    }

    Criterion criterion(RowCells r) {
        String id = r.text("SubjectId");
        String code = r.code("Criterion");
        String raw = r.text("Value");
        if (code != null && !codes.knowsCriterion(code)) {
            Set<String> known = new TreeSet<>(codes.numericCriteria());
            known.addAll(codes.yesNoCriteria());
            r.error("Criterion", "criterion " + RowCells.quoted(code) + " is unknown (known: " + listed(known) + ")");
            code = null;
        }
        if (id != null && code != null) {
            unique(r, firstCriterionRow, id, code, "Criterion");
        }
        String value = null;
        Double number = null;
        if (code != null && raw != null) {
            if (codes.yesNoCriteria().contains(code)) {
                Boolean answer = YesNo.tryParse(raw);
                if (answer == null) r.error("Value", RowCells.notYesNo(raw));
                else value = answer ? "Y" : "N";
            } else {
                number = r.number("Value");
                if (number != null) value = plain(RowCells.parseDecimal(raw));
            }
        }
        if (r.failed()) return null;
        return new Criterion(id, code, value, number, r.source());
    }

    Assessment assessment(RowCells r) {
        String id = r.text("SubjectId");
        String visit = r.code("Visit");
        String test = r.code("Test");
        When performed = r.when("PerformedAt");
        String raw = r.text("Value");
        if (test != null && !codes.knowsTest(test)) {
            Set<String> known = new TreeSet<>(codes.numericTests());
            known.addAll(codes.codedTests());
            r.error("Test", "test " + RowCells.quoted(test) + " is unknown (known: " + listed(known) + ")");
            test = null;
        }
        if (visit != null) {
            Set<String> scheduled = codes.testsByVisit().get(visit);
            if (scheduled == null) {
                r.error("Visit", "visit " + RowCells.quoted(visit) + " is not a visit of this protocol (visits: "
                        + listed(codes.testsByVisit().keySet()) + ")");
            } else if (test != null && !scheduled.contains(test)) {
                r.error("Visit", "visit " + visit + " does not schedule " + test + " (it schedules: " + listed(scheduled) + ")");
            }
        }
        Double number = null;
        String value = raw;
        if (test != null && raw != null && codes.codedTests().contains(test)) value = r.shortText("Value");
        if (test != null && raw != null && codes.numericTests().contains(test)) {
            number = r.number("Value");
            if (number != null) value = plain(RowCells.parseDecimal(raw));
        }
        if (r.failed()) return null;
        return new Assessment(id, visit, test, performed, value, number, r.source());
    }

    Dose dose(RowCells r) {
        String id = r.text("SubjectId");
        String treatment = r.code("Treatment");
        When start = r.when("StartAt");
        When end = r.when("EndAt");
        Double amount = r.number("Dose");
        String unit = r.shortText("Unit");
        if (r.failed()) return null;
        return new Dose(id, treatment, start, end, amount, unit, r.source());
    }

    ClinicalEvent event(RowCells r) {
        String id = r.text("SubjectId");
        String eventId = r.text("EventId");
        if (id != null && eventId != null) unique(r, firstEventRow, id, eventId, "EventId");
        String type = r.code("Type");
        When detected = r.when("DetectedAt");
        String heidelberg = heidelberg(r);
        Integer nihssBefore = r.integer("NihssBefore");
        Integer nihssAtDiagnosis = r.integer("NihssAtDiagnosis");
        Integer maxItemIncrease = r.integer("MaxItemIncrease");
        String intervention = r.code("MajorIntervention");
        if (intervention != null && !INTERVENTIONS.contains(intervention)) {
            r.error("MajorIntervention", RowCells.quoted(r.peek("MajorIntervention")) + " is not one of " + String.join(", ", INTERVENTIONS));
        }
        Boolean alternative = r.yesNo("AlternativeExplanation");
        Boolean symptomatic = r.yesNo("SiteReportedSymptomatic");
        When reportedSae = r.when("ReportedSaeAt");
        if (r.failed()) return null;
        return new ClinicalEvent(id, eventId, type, detected, heidelberg, nihssBefore, nihssAtDiagnosis,
                maxItemIncrease, intervention, alternative, symptomatic, reportedSae, r.source());
    }

    private static String sex(RowCells r) {
        String raw = r.code("Sex");
        if (raw == null) return null;
        return switch (raw) {
            case "M", "MALE" -> "M";
            case "F", "FEMALE" -> "F";
            default -> {
                r.error("Sex", RowCells.quoted(r.peek("Sex")) + " is not M or F (M, F, MALE, FEMALE)");
                yield null;
            }
        };
    }

    private static String heidelberg(RowCells r) {
        String raw = r.text("HeidelbergClass");
        if (raw == null) return null;
        BigDecimal numeric = RowCells.parseDecimal(raw);
        // A class typed as the number 2 arrives as "2" or "2.0" depending on the writer.
        String normalised = numeric != null ? plain(numeric) : raw.toLowerCase(Locale.ROOT);
        if (HEIDELBERG.contains(normalised)) return normalised;
        r.error("HeidelbergClass", RowCells.quoted(raw) + " is not a Heidelberg class (" + String.join(" ", HEIDELBERG) + ")");
        return null;
    }

    /** Reports a second row with the same key for one subject, naming the first. */
    private static void unique(RowCells r, Map<String, Integer> firstRows, String subjectId, String key, String column) {
        Integer first = firstRows.putIfAbsent(subjectId + "\u0000" + key, r.row());
        if (first != null) {
            r.error(column, "duplicate " + column + " " + RowCells.quoted(key) + " for SubjectId "
                    + RowCells.quoted(subjectId) + " (first at row " + first + ")");
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    static String listed(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
