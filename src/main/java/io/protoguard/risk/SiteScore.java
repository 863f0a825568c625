package io.protoguard.risk;

/**
 * One site's result on one KRI.
 *
 * @param metric      numerator / denominator (NaN when the denominator is 0)
 * @param unadjustedZ z before the over-dispersion adjustment (what phi is estimated from)
 * @param z           the adjusted z-score the flag is read from
 */
public record SiteScore(String site, double numerator, double denominator, double metric, double unadjustedZ, double z,
                        KriFlag flag) {}
