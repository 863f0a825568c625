package io.protoguard.model.rules;

import java.util.List;
import java.util.Map;

/** The date-time columns a DateOrder row may name, by sheet. */
public final class DateFields {
    private DateFields() {}

    public static final Map<String, List<String>> BY_SHEET = Map.of(
            "Subjects", List.of("ConsentAt", "OnsetAt", "RandomizedAt", "DischargedAt", "DiedAt", "WithdrawnAt"),
            "Assessments", List.of("PerformedAt"),
            "Doses", List.of("StartAt", "EndAt"),
            "Events", List.of("DetectedAt", "ReportedSaeAt"));

    static String check(String field, String ruleId) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            String sheet = field.substring(0, dot);
            String column = field.substring(dot + 1);
            for (var e : BY_SHEET.entrySet()) {
                if (!e.getKey().equalsIgnoreCase(sheet)) continue;
                for (String c : e.getValue()) if (c.equalsIgnoreCase(column)) return e.getKey() + "." + c;
            }
        }
        throw new IllegalArgumentException(ruleId + ": \"" + field + "\" is not a date column; use Sheet.Column, e.g. "
                + "Subjects.RandomizedAt, Doses.StartAt, Events.DetectedAt");
    }
}
