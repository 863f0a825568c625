package io.protoguard.model;

import java.time.LocalDate;

/** One protocol deviation (SPEC section 6); {@code protocolVersion} names the version that judged it. */
public record Deviation(
        String subjectId, Category category, Severity severity, String ruleId, String visit,
        LocalDate occurredOn, String message, String expected, String actual, String citation,
        SourceRef source, String protocolVersion) {}
