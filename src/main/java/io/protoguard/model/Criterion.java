package io.protoguard.model;

/** A screening fact. {@code value} is normalised (Y/N for yes-no answers); {@code number} is set when numeric. */
public record Criterion(String subjectId, String code, String value, Double number, SourceRef source) {}
