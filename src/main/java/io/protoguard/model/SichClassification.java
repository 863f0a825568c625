package io.protoguard.model;

/** Derived: the engine's Heidelberg verdict for an ICH event; {@code symptomatic} null = undetermined. */
public record SichClassification(ClinicalEvent event, Boolean symptomatic, String reason) {}
