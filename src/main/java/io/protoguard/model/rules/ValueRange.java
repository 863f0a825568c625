package io.protoguard.model.rules;

import io.protoguard.model.Severity;
import java.util.Arrays;
import java.util.List;

/**
 * The values a test may take: numeric ({@code min}..{@code max}, in steps of {@code step} when set) or
 * coded ({@code codes}, e.g. IMAGING: NONE 1a 1b ...). A value outside is a DATA_QUALITY deviation.
 */
public record ValueRange(String ruleId, String test, Double min, Double max, Double step, List<String> codes,
                         Severity severity, String citation) implements ProtocolRule {

    public boolean numeric() {
        return codes.isEmpty();
    }

    public boolean accepts(String value, Double number) {
        if (!numeric()) return value != null && codes.stream().anyMatch(c -> c.equalsIgnoreCase(value.trim()));
        if (number == null) return false;
        if (min != null && number < min) return false;
        if (max != null && number > max) return false;
        if (step == null) return true;
        double steps = (number - (min == null ? 0 : min)) / step;
        return Math.abs(steps - Math.rint(steps)) < 1e-9;
    }

    public String describe() {
        if (!numeric()) return "one of " + String.join(", ", codes);
        String s = (min == null ? "" : VisitWindow.num(min)) + " to " + (max == null ? "" : VisitWindow.num(max));
        return step == null ? s : s + " in steps of " + VisitWindow.num(step);
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private String test, severity;
        private Double min, max, step;
        private List<String> codes = List.of();

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder test(String t) { test = ProtocolRule.code(t); return this; }
        public Builder min(double m) { min = m; return this; }
        public Builder max(double m) { max = m; return this; }
        public Builder step(double s) { step = s; return this; }
        public Builder codes(String c) {
            codes = Arrays.stream(c.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return this;
        }
        public Builder severity(String s) { severity = s; return this; }
        public ValueRange citation(String citation) {
            if (codes.isEmpty() && min == null && max == null)
                throw new IllegalArgumentException(ruleId + ": give Min and/or Max, or Codes");
            if (min != null && max != null && min > max)
                throw new IllegalArgumentException(ruleId + ": Min " + min + " is above Max " + max);
            return new ValueRange(ruleId, ProtocolRule.required(test, "Test", ruleId), min, max, step, codes,
                    ProtocolRule.severity(severity, ruleId), ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
