package io.protoguard.model;

/** An assessment done. {@code visit} is null for an unscheduled one; {@code number} is set for numeric tests. */
public record Assessment(
        String subjectId, String visit, String test, When performedAt, String value, Double number,
        SourceRef source) {}
