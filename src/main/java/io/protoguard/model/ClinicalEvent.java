package io.protoguard.model;

/** An adverse or clinical event; the ICH fields feed the Heidelberg sICH classification. */
public record ClinicalEvent(
        String subjectId, String eventId, String type, When detectedAt, String heidelbergClass,
        Integer nihssBefore, Integer nihssAtDiagnosis, Integer maxItemIncrease, String majorIntervention,
        Boolean alternativeExplanation, Boolean siteReportedSymptomatic, When reportedSaeAt,
        SourceRef source) {}
