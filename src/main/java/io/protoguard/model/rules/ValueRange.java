package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;
import java.util.Arrays;
import java.util.List;

/**
 * The values a test may take: numeric ({@code min}..{@code max}, in steps of {@code step} when set) or
 * coded ({@code codes}, e.g. IMAGING: NONE 1a 1b ...). A value outside is a DATA_QUALITY deviation.
 */
public record ValueRange(String ruleId, String test, Double min, Double max, Double step, List<String> codes,
                         Severity severity, CitationSource citationSource, String citation) implements ProtocolRule {

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

    /** The allowed values in words: "0 to 100 in steps of 5", "0 or more", "one of NONE, 1a, ...". */
    public String describe() {
        if (!numeric()) return "one of " + String.join(", ", codes);
        String s = min != null && max != null ? VisitWindow.num(min) + " to " + VisitWindow.num(max)
                : min != null ? VisitWindow.num(min) + " or more" : VisitWindow.num(max) + " or less";
        return step == null ? s : s + " in steps of " + VisitWindow.num(step);
    }

    /**
     * What is wrong with a value this range does not accept, as the end of a sentence about the value:
     * "is above the maximum of 24 (allowed: 0 to 24 in steps of 1)", "is not an allowed value: 0 to 100 in
     * steps of 5". Null when the value is accepted.
     */
    public String problem(String value, Double number) {
        if (accepts(value, number)) return null;
        if (!numeric()) return "is not an allowed value: " + describe();
        if (number == null) return "is not a number (allowed: " + describe() + ")";
        if (min != null && number < min) return "is below the minimum of " + VisitWindow.num(min) + " (allowed: " + describe() + ")";
        if (max != null && number > max) return "is above the maximum of " + VisitWindow.num(max) + " (allowed: " + describe() + ")";
        return "is not an allowed value: " + describe();
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String test, severity;
        private Double min, max, step;
        private List<String> codes = List.of();

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder test(String t) { test = ProtocolRule.code(t); return this; }
        public Builder min(double m) { min = m; return this; }
        public Builder max(double m) { max = m; return this; }
        public Builder step(double s) {
            if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException(ruleId + ": Step " + s + " must be greater than 0");
            step = s;
            return this;
        }
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
                    ProtocolRule.severity(severity, ruleId), citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
