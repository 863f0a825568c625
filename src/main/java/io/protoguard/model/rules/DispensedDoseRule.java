package io.protoguard.model.rules;

import io.protoguard.model.Severity;

/**
 * One row of the Dispensing table: a dose dispensed to arm {@code arm} at visit {@code visit} (empty = any
 * visit the arm has no row of its own for) is {@code dose} {@code unit} of {@code treatment}. Only recorded
 * doses are judged: a dispensing visit without a dose record is not a deviation.
 */
public record DispensedDoseRule(String ruleId, String arm, String visit, String treatment, double dose, String unit,
                                Severity severity, io.protoguard.model.CitationSource citationSource, String citation) implements ProtocolRule {

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private String arm, visit, treatment, unit, severity, citationSource;
        private Double dose;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder arm(String a) { arm = ProtocolRule.code(a); return this; }
        public Builder visit(String v) { visit = ProtocolRule.code(v); return this; }
        public Builder treatment(String t) { treatment = ProtocolRule.code(t); return this; }
        public Builder dose(double d) { dose = d; return this; }
        public Builder unit(String u) { unit = ProtocolRule.optional(u); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public Builder citationSource(String s) { citationSource = CitationSources.parse(s, ruleId); return this; }
        public DispensedDoseRule citation(String citation) {
            if (dose == null) throw new IllegalArgumentException(ruleId + ": Dose is empty");
            return new DispensedDoseRule(ruleId, ProtocolRule.required(arm, "Arm", ruleId), visit,
                    ProtocolRule.required(treatment, "Treatment", ruleId), dose, ProtocolRule.required(unit, "Unit", ruleId),
                    ProtocolRule.severity(severity, ruleId), io.protoguard.model.CitationSource.valueOf(citationSource == null ? CitationSources.PROTOCOL : citationSource),
                    ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
