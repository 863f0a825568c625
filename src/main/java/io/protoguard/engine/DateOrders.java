package io.protoguard.engine;

import io.protoguard.model.Assessment;
import io.protoguard.model.Category;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Dose;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.When;
import io.protoguard.model.rules.DateOrderRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Impossible orders of dates, from DateOrder table rows naming Sheet.Column fields. Within one sheet the
 * two dates of the same row are compared; across sheets every row's date against the subject's date, one
 * finding per row, dated on the row's date (an assessment recorded after DiedAt: its PerformedAt date).
 */
public final class DateOrders {
    private DateOrders() {}

    private record Dated(When when, SourceRef source, String label) {}

    /** The rule's findings over one subject's rows (the shared DRL calls this once per DateOrder row). */
    public static List<Finding> check(DateOrderRule r, SubjectData data) {
        return check(r, data.subject(), sheet -> switch (sheet) {
            case "Assessments" -> data.assessments();
            case "Doses" -> data.doses();
            default -> data.events();
        });
    }

    /** The same over a mixed list of a subject's Assessment, Dose and ClinicalEvent rows. */
    public static List<Finding> check(DateOrderRule r, Subject s, List<?> facts) {
        return check(r, s, sheet -> facts.stream().filter(type(sheet)::isInstance).toList());
    }

    private static List<Finding> check(DateOrderRule r, Subject s, Function<String, List<?>> rowsOf) {
        List<Finding> out = new ArrayList<>();
        String earlierSheet = sheet(r.earlier()), laterSheet = sheet(r.later());
        if (earlierSheet.equals(laterSheet)) {
            for (Object row : rows(earlierSheet, s, rowsOf)) {
                When a = field(r.earlier(), row), b = field(r.later(), row);
                if (a != null && b != null && a.isAfter(b)) out.add(finding(r, a, b, b.date(), row));
            }
            return out;
        }
        List<?> later = rows(laterSheet, s, rowsOf);
        for (Object e : rows(earlierSheet, s, rowsOf)) {
            for (Object l : later) {
                When a = field(r.earlier(), e), b = field(r.later(), l);
                if (a == null || b == null || !a.isAfter(b)) continue;
                if ("Subjects.DiedAt".equals(r.later()) && !Windows.afterDeath(a, s)) continue; // DiedAt itself is impossible
                // Against a date of the subject (DiedAt ...), the finding is the record's, on the record's date.
                boolean subjectFirst = "Subjects".equals(earlierSheet);
                out.add(finding(r, a, b, subjectFirst ? b.date() : "Subjects".equals(laterSheet) ? a.date() : b.date(),
                        subjectFirst ? l : e));
            }
        }
        return out;
    }

    /** On {@code row}'s source; an assessment's finding names its visit. */
    private static Finding finding(DateOrderRule r, When earlier, When later, java.time.LocalDate on, Object row) {
        SourceRef source = row instanceof Subject ? null : source(row, null);
        String what = row instanceof Assessment a ? a.test() + (a.visit() == null ? "" : " for " + a.visit()) + ": "
                : row instanceof Dose d ? d.treatment() + ": " : row instanceof ClinicalEvent e ? e.type() + " " + e.eventId() + ": " : "";
        return new Finding(Category.DATA_QUALITY, row instanceof Assessment a ? a.visit() : null, on,
                what + column(r.earlier()) + " " + earlier.text() + " is after " + column(r.later()) + " " + later.text(),
                column(r.earlier()) + " at or before " + column(r.later()),
                column(r.earlier()) + " " + earlier.text() + ", " + column(r.later()) + " " + later.text(), source);
    }

    private static String sheet(String field) {
        return field.substring(0, field.indexOf('.'));
    }

    private static String column(String field) {
        return field.substring(field.indexOf('.') + 1);
    }

    private static List<?> rows(String sheet, Subject s, Function<String, List<?>> rowsOf) {
        return sheet.equals("Subjects") ? List.of(s) : rowsOf.apply(sheet);
    }

    private static Class<?> type(String sheet) {
        return switch (sheet) {
            case "Assessments" -> Assessment.class;
            case "Doses" -> Dose.class;
            default -> ClinicalEvent.class;
        };
    }

    private static SourceRef source(Object row, Subject s) {
        if (row instanceof Assessment a) return a.source();
        if (row instanceof Dose d) return d.source();
        if (row instanceof ClinicalEvent e) return e.source();
        return s == null ? null : s.source();
    }

    private static When field(String field, Object row) {
        Function<Object, When> f = switch (field) {
            case "Subjects.ConsentAt" -> o -> ((Subject) o).consentAt();
            case "Subjects.OnsetAt" -> o -> ((Subject) o).onsetAt();
            case "Subjects.RandomizedAt" -> o -> ((Subject) o).randomizedAt();
            case "Subjects.DischargedAt" -> o -> ((Subject) o).dischargedAt();
            case "Subjects.DiedAt" -> o -> ((Subject) o).diedAt();
            case "Subjects.WithdrawnAt" -> o -> ((Subject) o).withdrawnAt();
            case "Assessments.PerformedAt" -> o -> ((Assessment) o).performedAt();
            case "Doses.StartAt" -> o -> ((Dose) o).startAt();
            case "Doses.EndAt" -> o -> ((Dose) o).endAt();
            case "Events.DetectedAt" -> o -> ((ClinicalEvent) o).detectedAt();
            case "Events.ReportedSaeAt" -> o -> ((ClinicalEvent) o).reportedSaeAt();
            default -> throw new IllegalArgumentException("unknown date field " + field);
        };
        return f.apply(row);
    }
}
