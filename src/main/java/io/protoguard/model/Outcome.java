package io.protoguard.model;

/** A derived outcome for the report (mRS band, early neurological improvement, sICH, death). */
public record Outcome(String subjectId, String name, String value, String basis) {}
