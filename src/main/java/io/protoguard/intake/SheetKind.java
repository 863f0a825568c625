package io.protoguard.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sheets of the data workbook and their columns (SPEC section 3); a trailing '*' marks a required column. */
public enum SheetKind {
    SUBJECTS("Subjects", "SubjectId*", "Site", "Arm", "Sex", "Age", "WeightKg", "ConsentAt", "OnsetAt",
            "RandomizedAt*", "DischargedAt", "DiedAt", "WithdrawnAt"),
    CRITERIA("Criteria", "SubjectId*", "Criterion*", "Value*"),
    ASSESSMENTS("Assessments", "SubjectId*", "Visit", "Test*", "PerformedAt*", "Value*"),
    DOSES("Doses", "SubjectId*", "Treatment*", "StartAt*", "EndAt", "Dose*", "Unit*"),
    EVENTS("Events", "SubjectId*", "EventId*", "Type*", "DetectedAt*", "HeidelbergClass", "NihssBefore",
            "NihssAtDiagnosis", "MaxItemIncrease", "MajorIntervention", "AlternativeExplanation",
            "SiteReportedSymptomatic", "ReportedSaeAt");

    public record Column(String name, boolean required) {}

    private final String sheetName;
    private final List<Column> columns;

    SheetKind(String sheetName, String... columns) {
        this.sheetName = sheetName;
        this.columns = Arrays.stream(columns)
                .map(c -> c.endsWith("*") ? new Column(c.substring(0, c.length() - 1), true) : new Column(c, false))
                .toList();
    }

    /** The name as the SPEC spells it, used in every SourceRef and InputError. */
    public String sheetName() {
        return sheetName;
    }

    public List<Column> columns() {
        return columns;
    }

    boolean isRequired(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column) && c.required());
    }

    /** Header names match case-insensitively; a '*' templates put on required headers is tolerated. */
    Optional<Column> column(String header) {
        String h = RowCells.trim(header);
        if (h.endsWith("*")) h = RowCells.trim(h.substring(0, h.length() - 1));
        String wanted = h;
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }

    static Optional<SheetKind> byName(String name) {
        String n = RowCells.trim(name);
        return Arrays.stream(values()).filter(k -> k.sheetName.equalsIgnoreCase(n)).findFirst();
    }

    /** Templates carry explanation sheets (README, Instructions, Template) that hold no data. */
    static boolean isExplanation(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.startsWith("readme") || letters.startsWith("instruction") || letters.startsWith("template");
    }

    static String allNames() {
        return String.join(", ", Arrays.stream(values()).map(SheetKind::sheetName).toList());
    }
}
