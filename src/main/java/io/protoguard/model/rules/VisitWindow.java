package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * One row of the Schedule table: test {@code test} is due at visit {@code visit}, {@code target} days or
 * hours after randomization, from {@code target - minus} to {@code target + plus} inclusive. With
 * {@code orOnDischarge}, a subject discharged before the window opens is assessed on the discharge date.
 */
public record VisitWindow(String ruleId, String visit, String test, Unit unit, double target, double minus,
                          double plus, boolean orOnDischarge, String arm, Severity severity, CitationSource citationSource, String citation)
        implements ProtocolRule {

    public enum Unit { DAY, HOUR }

    public double from() {
        return target - minus;
    }

    public double to() {
        return target + plus;
    }

    /** "48 h ±12 h (36 to 60 h after randomization)" for messages. */
    public String describe() {
        String u = unit == Unit.DAY ? "d" : "h";
        String span = unit == Unit.DAY ? "day " + num(from()) + " to " + num(to())
                : num(from()) + " to " + num(to()) + " h after randomization";
        if (minus == 0 && plus == 0) return unit == Unit.DAY ? "on day " + num(target) : "at " + num(target) + " h";
        if (minus != plus) return span; // "0 to 48 h after randomization" reads better than "0 h -0/+48 h"
        return num(target) + " " + u + " ±" + num(plus) + " " + u + " (" + span + ")";
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String visit, test, arm, severity;
        private Unit unit;
        private Double target;
        private double minus, plus;
        private boolean orOnDischarge;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder visit(String v) { visit = ProtocolRule.code(v); return this; }
        public Builder test(String t) { test = ProtocolRule.code(t); return this; }
        public Builder unit(String u) {
            String s = u.trim().toUpperCase();
            unit = switch (s) {
                case "D", "DAY", "DAYS" -> Unit.DAY;
                case "H", "HOUR", "HOURS" -> Unit.HOUR;
                default -> throw new IllegalArgumentException(ruleId + ": Unit \"" + u + "\" is not DAY or HOUR");
            };
            return this;
        }
        public Builder target(double t) {
            // Bounded so that no date arithmetic on the window can overflow (issue 14: Target 1e308).
            if (!(Math.abs(t) <= 100_000)) throw new IllegalArgumentException(ruleId + ": Target " + t + " is outside -100000 to 100000");
            target = t;
            return this;
        }
        public Builder minus(double m) { minus = m; return this; }
        public Builder plus(double p) { plus = p; return this; }
        public Builder orOnDischarge(String yn) { orOnDischarge = YesNo.parse(yn, "OrOnDischarge", ruleId); return this; }
        public Builder arm(String a) { arm = ProtocolRule.code(a); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public VisitWindow citation(String citation) {
            if (unit == null) throw new IllegalArgumentException(ruleId + ": Unit is empty");
            if (target == null) throw new IllegalArgumentException(ruleId + ": Target is empty");
            if (minus < 0 || plus < 0) throw new IllegalArgumentException(ruleId + ": Minus and Plus must not be negative");
            return new VisitWindow(ruleId, ProtocolRule.required(visit, "Visit", ruleId),
                    ProtocolRule.required(test, "Test", ruleId), unit, target, minus, plus, orOnDischarge, arm,
                    ProtocolRule.severity(severity, ruleId), citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
