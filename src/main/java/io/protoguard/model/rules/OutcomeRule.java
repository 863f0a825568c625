package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * A derived outcome for the report: MRS_AT_MOST (band at a visit), IMPROVEMENT (fall of a test from
 * {@code fromVisit} to {@code visit} by at least {@code value}), DEATH_BY_DAY.
 */
public record OutcomeRule(String ruleId, String outcome, Kind kind, String test, String fromVisit, String visit,
                          double value, CitationSource citationSource, String citation) implements ProtocolRule {

    public enum Kind { AT_MOST, IMPROVEMENT, DEATH_BY_DAY }

    @Override
    public Severity severity() {
        return Severity.NON_IMPORTANT;
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String outcome, test, fromVisit, visit;
        private Kind kind;
        private Double value;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder outcome(String o) { outcome = ProtocolRule.optional(o); return this; }
        public Builder kind(String k) {
            try {
                kind = Kind.valueOf(k.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Kind \"" + k + "\" is not AT_MOST, IMPROVEMENT or DEATH_BY_DAY");
            }
            return this;
        }
        public Builder test(String t) { test = ProtocolRule.code(t); return this; }
        public Builder fromVisit(String v) { fromVisit = ProtocolRule.code(v); return this; }
        public Builder visit(String v) { visit = ProtocolRule.code(v); return this; }
        public Builder value(double v) { value = v; return this; }
        public OutcomeRule citation(String citation) {
            if (kind == null) throw new IllegalArgumentException(ruleId + ": Kind is empty");
            if (value == null) throw new IllegalArgumentException(ruleId + ": Value is empty");
            if (kind == Kind.IMPROVEMENT && fromVisit == null)
                throw new IllegalArgumentException(ruleId + ": FromVisit is empty (needed by IMPROVEMENT)");
            return new OutcomeRule(ruleId, ProtocolRule.required(outcome, "Outcome", ruleId), kind, test, fromVisit,
                    visit, value, citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
