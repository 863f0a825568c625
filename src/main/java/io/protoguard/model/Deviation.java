package io.protoguard.model;

import java.time.LocalDate;

/**
 * One protocol deviation (SPEC section 6); {@code protocolVersion} names the version that judged it and
 * {@code citationSource} says where the citation comes from (PROTOCOL, REGULATION or SPONSOR; null when it
 * was not recorded, as in runs stored before it existed).
 */
public record Deviation(
        String subjectId, Category category, Severity severity, String ruleId, String visit,
        LocalDate occurredOn, String message, String expected, String actual, String citation,
        String citationSource, SourceRef source, String protocolVersion) {

    /** A deviation whose citation source is not known. */
    public Deviation(String subjectId, Category category, Severity severity, String ruleId, String visit,
                     LocalDate occurredOn, String message, String expected, String actual, String citation,
                     SourceRef source, String protocolVersion) {
        this(subjectId, category, severity, ruleId, visit, occurredOn, message, expected, actual, citation, null, source,
                protocolVersion);
    }
}
