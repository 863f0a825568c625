package io.protoguard.model.rules;

import io.protoguard.model.CitationSource;
import io.protoguard.model.Severity;

/**
 * A study-treatment rule from the Dosing table, for one treatment and optionally one arm. Times are kept
 * in hours whatever unit the author wrote; a RATE tolerance may be a percentage of the target.
 */
public record DosingRule(String ruleId, String arm, String treatment, Check check, Double value, String unit,
                         Double tolerance, String toleranceUnit, Severity severity, CitationSource citationSource, String citation)
        implements ProtocolRule {

    public enum Check {
        /** The arm receives the treatment at all. */ GIVEN,
        /** The arm must not receive the treatment. */ NOT_GIVEN,
        /** First start within {@code value} after randomization. */ START_WITHIN_AFTER_RANDOMIZATION,
        /** First start within {@code value} after onset. */ START_WITHIN_AFTER_ONSET,
        /** No row starts before randomization (treatment before allocation). */ NOT_BEFORE_RANDOMIZATION,
        /** Each row's Dose / days / WeightKg = {@code value} ± tolerance. */ RATE_PER_KG_DAY,
        /** First StartAt to last EndAt = {@code value} ± tolerance. */ COURSE_DURATION,
        /** Each row's Dose at least {@code value} (in {@code unit}). */ DOSE_MIN,
        /** Each row's Dose at most {@code value} (in {@code unit}). */ DOSE_MAX,
        /** Each calendar day's sum of Dose at least {@code value} (in {@code unit}). */ DAILY_DOSE_MIN,
        /** Each calendar day's sum of Dose at most {@code value} (in {@code unit}). */ DAILY_DOSE_MAX
    }

    public boolean timed() {
        return check == Check.START_WITHIN_AFTER_RANDOMIZATION || check == Check.START_WITHIN_AFTER_ONSET
                || check == Check.COURSE_DURATION;
    }

    /** {@code value} in hours for the time checks. */
    public double hours() {
        return toHours(value, unit);
    }

    public double low() {
        return value - absoluteTolerance();
    }

    public double high() {
        return value + absoluteTolerance();
    }

    private double absoluteTolerance() {
        if (tolerance == null) return 0;
        if ("%".equals(toleranceUnit)) return value * tolerance / 100.0;
        if (timed()) return toHours(tolerance, toleranceUnit == null ? unit : toleranceUnit) / toHours(1, unit);
        return tolerance;
    }

    static double toHours(double v, String unit) {
        if (unit == null) return v;
        return switch (unit.trim().toLowerCase()) {
            case "d", "day", "days" -> v * 24;
            case "min", "minutes" -> v / 60;
            default -> v;
        };
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private CitationSource citationSource = CitationSource.PROTOCOL;
        private String arm, treatment, unit, toleranceUnit, severity;
        private Check check;
        private Double value, tolerance;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder citationSource(String s) { citationSource = CitationSource.parse(s, ruleId); return this; }
        public Builder arm(String a) { arm = ProtocolRule.code(a); return this; }
        public Builder treatment(String t) { treatment = ProtocolRule.code(t); return this; }
        public Builder check(String c) {
            try {
                check = Check.valueOf(c.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ruleId + ": Check \"" + c + "\" is not a dosing check");
            }
            return this;
        }
        public Builder value(double v) { value = v; return this; }
        public Builder unit(String u) { unit = ProtocolRule.optional(u); return this; }
        public Builder tolerance(double t) {
            if (!(t > 0) || Double.isInfinite(t)) throw new IllegalArgumentException(ruleId + ": Tolerance " + t + " must be greater than 0");
            tolerance = t;
            return this;
        }
        public Builder toleranceUnit(String u) { toleranceUnit = ProtocolRule.optional(u); return this; }
        public Builder severity(String s) { severity = s; return this; }
        public DosingRule citation(String citation) {
            if (check == null) throw new IllegalArgumentException(ruleId + ": Check is empty");
            if (value == null && check != Check.GIVEN && check != Check.NOT_GIVEN && check != Check.NOT_BEFORE_RANDOMIZATION)
                throw new IllegalArgumentException(ruleId + ": Value is empty (needed by " + check + ")");
            return new DosingRule(ruleId, arm, ProtocolRule.required(treatment, "Treatment", ruleId), check, value,
                    unit, tolerance, toleranceUnit, ProtocolRule.severity(severity, ruleId),
                    citationSource, ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
