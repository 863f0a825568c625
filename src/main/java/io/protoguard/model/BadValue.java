package io.protoguard.model;

/**
 * A subject's value the rules cannot use (SPEC section 8, "one bad value, one finding"): unreadable (an input
 * error, e.g. {@code Sex} "X" or {@code WeightKg} "#N/A") or readable but outside the protocol's plausibility
 * range ({@code Age} 200: a DATA_QUALITY deviation). The rules that read it are listed as not judged.
 *
 * @param column   the Subjects column, as SPEC section 3 spells it ("Age")
 * @param value    the value as written (shortened for messages)
 * @param cell     where it is, "Subjects!F5" (null when the column is not known)
 * @param readable true for a value read but implausible, false for one that could not be read
 */
public record BadValue(String column, String value, String cell, boolean readable) {}
