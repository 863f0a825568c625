package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * A screening criterion from the Criteria table: {@code criterion operator value}, e.g. {@code LVO EQ Y}
 * (inclusion) or {@code PREGNANT NE Y} (exclusion) or {@code ANC LE 1.0}. A criterion that is not
 * recorded is a deviation too; {@code sex} limits the row to one sex (PREGNANT for women only).
 */
public record CriterionRule(String ruleId, String criterion, Operator operator, String value, String sex,
                            String arm, Severity severity, CitationSource citationSource, String citation) implements ProtocolRule {

    public enum Operator { EQ, NE, LE, GE, LT, GT }

    public boolean numeric() {
        return operator != Operator.EQ && operator != Operator.NE;
    }

    public double limit() {
        return Double.parseDouble(value);
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String criterion, value, sex, arm, severity;
        private Operator operator;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder criterion(String c) { criterion = ProtocolRule.code(c); return this; }
        public Builder operator(String o) {
            try {
                operator = Operator.valueOf(o.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Operator \"" + o + "\" is not one of EQ NE LE GE LT GT");
            }
            return this;
        }
        public Builder value(String v) { value = ProtocolRule.optional(v); return this; }
        public Builder sex(String s) { sex = ProtocolRule.code(s); return this; }
        public Builder arm(String a) { arm = ProtocolRule.code(a); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public CriterionRule citation(String citation) {
            Operator op = operator == null ? Operator.EQ : operator;
            String v = ProtocolRule.required(value, "Value", ruleId);
            if (op != Operator.EQ && op != Operator.NE) {
                try { Double.parseDouble(v); } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(ruleId + ": Value \"" + v + "\" must be a number for operator " + op);
                }
            } else {
                v = v.toUpperCase();
            }
            return new CriterionRule(ruleId, ProtocolRule.required(criterion, "Criterion", ruleId), op, v, sex, arm,
                    ProtocolRule.severity(severity, ruleId), citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
