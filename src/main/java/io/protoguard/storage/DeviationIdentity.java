package io.protoguard.storage;

/** What makes a deviation the same one across runs (its fingerprint is the sha256 of these fields). */
public record DeviationIdentity(String fingerprint, String studyId, String subjectId, String ruleId, String category,
                                String visit, String recordKey) {}
