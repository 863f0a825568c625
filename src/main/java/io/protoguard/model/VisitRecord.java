package io.protoguard.model;

/**
 * A visit that took place (SDTM SV): a fact of its own, whatever was measured at it. {@code visit} is the
 * visit's name as recorded (SV VISIT, e.g. "WEEK 2"); {@code visitNumber} is shown, never matched on
 * (telephone and unscheduled visits share the x.1 numbers). {@code at} is null when no date was recorded.
 */
public record VisitRecord(String subjectId, String visit, Double visitNumber, When at, SourceRef source) {}
