package io.protoguard.model;

/** One administration of study treatment, from StartAt to EndAt (EndAt may be absent). */
public record Dose(
        String subjectId, String treatment, When startAt, When endAt, double dose, String unit,
        SourceRef source) {}
