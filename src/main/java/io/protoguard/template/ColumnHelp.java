package io.protoguard.template;

import java.util.Map;

/** What each column of the data workbook means (SPEC section 3), for the template's README sheet. */
final class ColumnHelp {
    private ColumnHelp() {}

    static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("Subjects.SubjectId", "The subject's id, once per subject."),
            Map.entry("Subjects.Site", "Site number or name."),
            Map.entry("Subjects.Arm", "Randomized arm (drop-down)."),
            Map.entry("Subjects.Sex", "M or F."),
            Map.entry("Subjects.Age", "Age in whole years at randomization."),
            Map.entry("Subjects.WeightKg", "Body weight in kg (dose per kg is computed from it)."),
            Map.entry("Subjects.ConsentAt", "Date and time informed consent was signed."),
            Map.entry("Subjects.OnsetAt", "Onset of the index condition (stroke onset / last known well, septic-shock onset)."),
            Map.entry("Subjects.RandomizedAt", "Date and time of randomization: day 0 of the schedule."),
            Map.entry("Subjects.DischargedAt", "Discharge date (and time)."),
            Map.entry("Subjects.DiedAt", "Date (and time) of death."),
            Map.entry("Subjects.WithdrawnAt", "Date (and time) of withdrawal."),
            Map.entry("Criteria.SubjectId", "The subject's id, as in Subjects."),
            Map.entry("Criteria.Criterion", "Screening criterion code (drop-down)."),
            Map.entry("Criteria.Value", "Y/N (also YES, NO, TRUE, FALSE, 1, 0), or a number for numeric criteria such as ANC."),
            Map.entry("Assessments.SubjectId", "The subject's id, as in Subjects."),
            Map.entry("Assessments.Visit", "Protocol visit code (drop-down); leave empty for an unscheduled assessment."),
            Map.entry("Assessments.Test", "Test code (drop-down)."),
            Map.entry("Assessments.PerformedAt", "Date and time the assessment was done (a date alone only where days matter)."),
            Map.entry("Assessments.Value", "The result: a number, or a code for coded tests such as IMAGING."),
            Map.entry("Doses.SubjectId", "The subject's id, as in Subjects."),
            Map.entry("Doses.Treatment", "Study treatment (drop-down)."),
            Map.entry("Doses.StartAt", "Start of this administration or infusion period."),
            Map.entry("Doses.EndAt", "End of this infusion period."),
            Map.entry("Doses.Dose", "Amount given in this row, in Unit."),
            Map.entry("Doses.Unit", "Unit of Dose (drop-down)."),
            Map.entry("Events.SubjectId", "The subject's id, as in Subjects."),
            Map.entry("Events.EventId", "The event's id, unique per subject."),
            Map.entry("Events.Type", "Event type, e.g. ICH."),
            Map.entry("Events.DetectedAt", "Date and time the event was detected."),
            Map.entry("Events.HeidelbergClass", "Heidelberg Bleeding Classification: 1a 1b 1c 2 3a 3b 3c 3d."),
            Map.entry("Events.NihssBefore", "NIHSS immediately before the worsening."),
            Map.entry("Events.NihssAtDiagnosis", "NIHSS at the time of diagnosis."),
            Map.entry("Events.MaxItemIncrease", "Largest rise in one NIHSS item."),
            Map.entry("Events.MajorIntervention", "NONE, INTUBATION, HEMICRANIECTOMY, EVD or OTHER."),
            Map.entry("Events.AlternativeExplanation", "Y if another cause explains the deterioration."),
            Map.entry("Events.SiteReportedSymptomatic", "Y if the site classified the event as symptomatic."),
            Map.entry("Events.ReportedSaeAt", "Date and time the event was reported as a serious adverse event."));
}
