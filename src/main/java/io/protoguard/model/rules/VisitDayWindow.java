package io.protoguard.model.rules;

import io.protoguard.model.Severity;

/**
 * One row of the Visits table: the visit named {@code visit} (a visit done, SDTM SV, matched by its name) is
 * due on study day {@code target}, from {@code target - minus} to {@code target + plus} inclusive. Study days
 * are counted from the subject's anchor (RandomizedAt; for SDTM data RFSTDTC) in the row's numbering:
 * {@code DAY0} (anchor = day 0, the workbook protocols) or {@code SDTM} (anchor = day 1, no day 0).
 * {@code citationSource} says whether the citation is PROTOCOL text, a REGULATION or a SPONSOR choice;
 * {@code windowSource} says the same of the window's width (a target may be the protocol's and its width the
 * sponsor's monitoring choice, as in cdiscpilot01); null when the width comes from the citation too.
 */
public record VisitDayWindow(String ruleId, String visit, double target, double minus, double plus,
                             Numbering numbering, String windowSource, Severity severity, io.protoguard.model.CitationSource citationSource,
                             String citation)
        implements ProtocolRule {

    public enum Numbering { DAY0, SDTM }

    public double from() {
        return target - minus;
    }

    public double to() {
        return target + plus;
    }

    public static Builder rule(String ruleId) {
        return new Builder(ruleId);
    }

    public static final class Builder {
        private final String ruleId;
        private String visit, severity, citationSource, windowSource;
        private Double target;
        private double minus, plus;
        private Numbering numbering = Numbering.DAY0;

        Builder(String ruleId) { this.ruleId = ProtocolRule.required(ruleId, "RuleId", "?"); }
        public Builder visit(String v) { visit = ProtocolRule.code(v); return this; }
        public Builder target(double t) { target = t; return this; }
        public Builder minus(double m) { minus = m; return this; }
        public Builder plus(double p) { plus = p; return this; }
        public Builder numbering(String n) {
            String s = n.trim().toUpperCase().replace(" ", "");
            numbering = switch (s) {
                case "SDTM", "DAY1" -> Numbering.SDTM;
                case "DAY0", "RANDOMIZATION" -> Numbering.DAY0;
                default -> throw new IllegalArgumentException(ruleId + ": Numbering \"" + n + "\" is not SDTM or DAY0");
            };
            return this;
        }
        public Builder severity(String s) { severity = s; return this; }
        public Builder citationSource(String s) { citationSource = CitationSources.parse(s, ruleId); return this; }
        public Builder windowSource(String s) { windowSource = CitationSources.parse(s, ruleId); return this; }
        public VisitDayWindow citation(String citation) {
            if (target == null) throw new IllegalArgumentException(ruleId + ": Target is empty");
            if (minus < 0 || plus < 0) throw new IllegalArgumentException(ruleId + ": Minus and Plus must not be negative");
            if (numbering == Numbering.SDTM && target == 0)
                throw new IllegalArgumentException(ruleId + ": Target 0 does not exist in SDTM numbering (day 1 is the anchor, the day before is day -1)");
            return new VisitDayWindow(ruleId, ProtocolRule.required(visit, "Visit", ruleId), target, minus, plus, numbering,
                    windowSource, ProtocolRule.severity(severity, ruleId), io.protoguard.model.CitationSource.valueOf(citationSource == null ? CitationSources.PROTOCOL : citationSource),
                    ProtocolRule.required(citation, "Citation", ruleId));
        }
    }
}
