package io.protoguard.risk;

/**
 * How the over-dispersion factor phi is estimated from the sites' unadjusted z-scores (SPEC section 8).
 * WINSORIZED (the default): the z-scores are pulled in to their 10th and 90th percentiles (R type 7) before the
 * mean of squares, and phi is never below 1, so one outlying site cannot hide itself by inflating phi
 * (Spiegelhalter 2005). GSM: gsm's plain mean of z^2, kept to compare with gsm's output.
 */
public enum KriMethod { WINSORIZED, GSM }
