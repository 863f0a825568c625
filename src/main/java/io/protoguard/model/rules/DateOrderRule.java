package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * An impossible order of dates (DATA_QUALITY): {@code earlier} must not be after {@code later}. Fields are
 * named Sheet.Column, e.g. Subjects.OnsetAt and Subjects.RandomizedAt, or Doses.StartAt and Doses.EndAt.
 */
public record DateOrderRule(String ruleId, String earlier, String later, Severity severity, CitationSource citationSource, String citation)
        implements ProtocolRule {

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String earlier, later, severity;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder earlier(String e) { earlier = ProtocolRule.optional(e); return this; }
        public Builder later(String l) { later = ProtocolRule.optional(l); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public DateOrderRule citation(String citation) {
            return new DateOrderRule(ruleId, DateFields.check(ProtocolRule.required(earlier, "Earlier", ruleId), ruleId),
                    DateFields.check(ProtocolRule.required(later, "Later", ruleId), ruleId),
                    ProtocolRule.severity(severity, ruleId), citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
