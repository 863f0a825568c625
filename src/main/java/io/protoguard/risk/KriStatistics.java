package io.protoguard.risk;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * gsm's normal approximation (KRI Method vignette of gsm.core; Zink et al. 2018, Spiegelhalter 2005):
 * z_i = (y_i - theta) / sqrt(phi * V(theta) / n_i) with theta over all sites, V = p(1-p) for a proportion and
 * lambda for a rate. Sites with a denominator of 0 have no metric and are left out of phi; sites under the
 * minimum denominator count in theta and phi but are never flagged (SPEC section 8).
 */
public final class KriStatistics {
    /** R's default quantile (type 7, linear interpolation between order statistics). */
    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /**
     * E[w(Z)^2] for a standard normal Z clamped to its 10th and 90th percentiles (0.6787): winsorizing shrinks the
     * mean of squares by this factor, so the winsorized mean is divided by it to estimate phi itself. Without it a
     * true phi of 2 reads as about 1.36 and ordinary over-dispersed sites turn red (docs/central-monitoring.md).
     */
    static final double WINSORIZED_CONSISTENCY = winsorizedSquareMean();

    private KriStatistics() {}

    private static double winsorizedSquareMean() {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double a = normal.inverseCumulativeProbability(0.9);
        double tail = normal.survivalProbability(a);
        return (1 - 2 * tail) - 2 * a * Math.exp(normal.logDensity(a)) + 2 * a * a * tail;
    }

    public static KriScores score(List<SiteCount> counts, KriKind kind, KriMethod method, double amber, double red,
                                  double minimumDenominator) {
        double events = 0, exposure = 0;
        for (SiteCount c : counts) {
            events += c.numerator();
            exposure += c.denominator();
        }
        double overall = exposure > 0 ? events / exposure : 0;
        double variance = kind.variance(overall);
        List<Double> unadjusted = new ArrayList<>();
        double[] raw = new double[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            SiteCount c = counts.get(i);
            // No spread at all (no events, or a proportion of 1 everywhere): every site is at the overall metric.
            raw[i] = c.denominator() <= 0 ? Double.NaN
                    : variance <= 0 ? 0 : (c.numerator() / c.denominator() - overall) / Math.sqrt(variance / c.denominator());
            if (!Double.isNaN(raw[i])) unadjusted.add(raw[i]);
        }
        double phi = phi(unadjusted.stream().mapToDouble(Double::doubleValue).toArray(), method);
        List<SiteScore> sites = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            SiteCount c = counts.get(i);
            double z = raw[i] / Math.sqrt(phi);
            double metric = c.denominator() > 0 ? c.numerator() / c.denominator() : Double.NaN;
            KriFlag flag = c.denominator() < minimumDenominator || Double.isNaN(z) ? KriFlag.SMALL
                    : Math.abs(z) > red ? KriFlag.RED
                    : Math.abs(z) > amber ? KriFlag.AMBER : KriFlag.NONE;
            sites.add(new SiteScore(c.site(), c.numerator(), c.denominator(), metric, raw[i], z, flag));
        }
        return new KriScores(kind, method, overall, phi, amber, red, sites);
    }

    /**
     * The over-dispersion factor from the unadjusted z-scores. GSM: the mean of z^2 as gsm computes it (it can be
     * below 1, which narrows the limits). WINSORIZED: the z-scores clamped to their 10th and 90th percentiles, the
     * mean of their squares divided by {@link #WINSORIZED_CONSISTENCY}, and never
     * below 1. With no site, 1.
     */
    static double phi(double[] z, KriMethod method) {
        if (z.length == 0) return 1;
        double[] used = z;
        if (method == KriMethod.WINSORIZED) {
            double[] q = TYPE_7.evaluate(z, 0.1, 0.9);
            used = new double[z.length];
            for (int i = 0; i < z.length; i++) used[i] = Math.min(q[1], Math.max(q[0], z[i]));
        }
        double sum = 0;
        for (double v : used) sum += v * v;
        double phi = sum / used.length;
        if (method == KriMethod.WINSORIZED) return Math.max(1, phi / WINSORIZED_CONSISTENCY);
        return phi > 0 ? phi : 1; // all sites exactly at the overall metric: nothing to scale by
    }
}
