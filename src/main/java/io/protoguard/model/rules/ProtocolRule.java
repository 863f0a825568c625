package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/** What every decision-table row carries: a stable id, a severity, the text it enforces and where that text comes from. */
public interface ProtocolRule {
    String ruleId();

    Severity severity();

    String citation();

    /** Where {@link #citation()} comes from: the protocol's words, a regulation, or the sponsor's convention. */
    CitationSource citationSource();

    static Severity severity(String text, String ruleId) {
        if (text == null || text.isBlank()) return Severity.IMPORTANT;
        try {
            return Severity.valueOf(text.trim().toUpperCase().replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ruleId + ": Severity \"" + text + "\" is not IMPORTANT or NON_IMPORTANT");
        }
    }

    static String required(String value, String column, String ruleId) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(ruleId + ": " + column + " is empty");
        return value.trim();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String code(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase();
    }
}
