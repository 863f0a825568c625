package io.protoguard.model.rules;

import io.protoguard.model.Severity;

/**
 * One row of the AfterDeath table: a record of kind {@code record} (VISIT: a visit done; DOSE: a dose record)
 * dated after the subject's death is a DATA_QUALITY deviation (SPEC section 4), and nothing else is judged
 * on that record.
 */
public record AfterDeathRule(String ruleId, Record record, Severity severity, io.protoguard.model.CitationSource citationSource, String citation)
        implements ProtocolRule {

    public enum Record { VISIT, DOSE }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private Record record;
        private String severity, citationSource;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder record(String r) {
            try {
                record = Record.valueOf(r.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Record \"" + r + "\" is not VISIT or DOSE");
            }
            return this;
        }
        public Builder severity(String s) { severity = s; return this; }
        public Builder citationSource(String s) { citationSource = CitationSources.parse(s, ruleId); return this; }
        public AfterDeathRule citation(String citation) {
            if (record == null) throw new IllegalArgumentException(ruleId + ": Record is empty");
            return new AfterDeathRule(ruleId, record, ProtocolRule.severity(severity, ruleId),
                    io.protoguard.model.CitationSource.valueOf(citationSource == null ? "REGULATION" : citationSource), ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
