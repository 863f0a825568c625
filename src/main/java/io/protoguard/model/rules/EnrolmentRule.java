package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * A check on the Subjects sheet at randomization: age bounds, onset-to-randomization hours, consent, and
 * RANDOMIZED_WITH_TIME (the row a RandomizedAt without a time of day is reported under, once).
 */
public record EnrolmentRule(String ruleId, Check check, Double limit, String arm, Severity severity, CitationSource citationSource, String citation)
        implements ProtocolRule {

    public enum Check { AGE_MIN, AGE_MAX, ONSET_TO_RANDOMIZATION_MAX_HOURS, CONSENT_BEFORE_RANDOMIZATION, RANDOMIZED_WITH_TIME }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private Check check;
        private Double limit;
        private String arm, severity;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder check(String c) {
            try {
                check = Check.valueOf(c.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Check \"" + c + "\" is not one of AGE_MIN AGE_MAX ONSET_TO_RANDOMIZATION_MAX_HOURS CONSENT_BEFORE_RANDOMIZATION RANDOMIZED_WITH_TIME");
            }
            return this;
        }
        public Builder limit(double l) { limit = l; return this; }
        public Builder arm(String a) { arm = ProtocolRule.code(a); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public EnrolmentRule citation(String citation) {
            if (check == null) throw new IllegalArgumentException(ruleId + ": Check is empty");
            if (limit == null && check != Check.CONSENT_BEFORE_RANDOMIZATION && check != Check.RANDOMIZED_WITH_TIME)
                throw new IllegalArgumentException(ruleId + ": Limit is empty (needed by " + check + ")");
            return new EnrolmentRule(ruleId, check, limit, arm, ProtocolRule.severity(severity, ruleId),
                    citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
