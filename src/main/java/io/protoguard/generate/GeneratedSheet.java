package io.protoguard.generate;

import java.util.List;

/** The sheets of SPEC section 3 with the columns the generator fills, in the order it writes them. */
enum GeneratedSheet {
    SUBJECTS("Subjects", List.of("SubjectId", "Site", "Arm", "Sex", "Age", "WeightKg", "ConsentAt", "OnsetAt",
            "RandomizedAt", "DischargedAt", "DiedAt", "WithdrawnAt")),
    CRITERIA("Criteria", List.of("SubjectId", "Criterion", "Value")),
    ASSESSMENTS("Assessments", List.of("SubjectId", "Visit", "Test", "PerformedAt", "Value")),
    DOSES("Doses", List.of("SubjectId", "Treatment", "StartAt", "EndAt", "Dose", "Unit")),
    EVENTS("Events", List.of("SubjectId", "EventId", "Type", "DetectedAt", "HeidelbergClass", "NihssBefore",
            "NihssAtDiagnosis", "MaxItemIncrease", "MajorIntervention", "AlternativeExplanation",
            "SiteReportedSymptomatic", "ReportedSaeAt"));

    final String sheetName;
    final List<String> columns;

    GeneratedSheet(String sheetName, List<String> columns) {
        this.sheetName = sheetName;
        this.columns = columns;
    }
}
