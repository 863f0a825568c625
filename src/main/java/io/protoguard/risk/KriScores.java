package io.protoguard.risk;

import java.util.List;

/**
 * A KRI computed over every site of a study: the overall metric (p or lambda), phi, and the sites' scores.
 * {@link #limit(double, double)} gives the funnel plot's control limits at any denominator.
 */
public record KriScores(KriKind kind, KriMethod method, double overall, double phi, double amber, double red,
                        List<SiteScore> sites) {

    public KriScores {
        sites = List.copyOf(sites);
    }

    /** The control limit at denominator {@code n} for a z of {@code z} (negative for the lower limit), clipped to the metric's range. */
    public double limit(double n, double z) {
        double value = overall + z * Math.sqrt(phi * kind.variance(overall) / n);
        if (value < 0) return 0;
        return kind == KriKind.PROPORTION ? Math.min(1, value) : value;
    }
}
