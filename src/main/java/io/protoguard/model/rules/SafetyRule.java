package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * Heidelberg sICH classification thresholds and the SAFETY checks built on it. SICH_NIHSS_RISE and
 * SICH_ITEM_RISE set the classification; SICH_SITE_AGREEMENT and SAE_REPORT raise deviations.
 */
public record SafetyRule(String ruleId, Check check, String eventType, Double value, Double windowHours,
                         Severity severity, CitationSource citationSource, String citation) implements ProtocolRule {

    public enum Check { SICH_NIHSS_RISE, SICH_ITEM_RISE, SICH_SITE_AGREEMENT, SAE_REPORT_WITHIN_HOURS }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private Check check;
        private String eventType = "ICH", severity;
        private Double value, windowHours;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder check(String c) {
            try {
                check = Check.valueOf(c.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Check \"" + c + "\" is not a safety check");
            }
            return this;
        }
        public Builder eventType(String t) { eventType = ProtocolRule.code(t); return this; }
        public Builder value(double v) { value = v; return this; }
        public Builder windowHours(double w) {
            if (!(w > 0) || Double.isInfinite(w)) throw new IllegalArgumentException(ruleId + ": WindowHours " + w + " must be greater than 0");
            windowHours = w;
            return this;
        }
        public Builder severity(String s) { severity = s; return this; }
        public SafetyRule citation(String citation) {
            if (check == null) throw new IllegalArgumentException(ruleId + ": Check is empty");
            if (value == null && check != Check.SICH_SITE_AGREEMENT)
                throw new IllegalArgumentException(ruleId + ": Value is empty (needed by " + check + ")");
            return new SafetyRule(ruleId, check, eventType, value, windowHours, ProtocolRule.severity(severity, ruleId),
                    citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
