package io.protoguard.protocol.vocabulary;

import java.util.Locale;

/** The kinds of code a protocol declares in its Codes table (SPEC section 8). */
public enum CodeKind {
    CRITERION, TEST, VISIT, ARM, TREATMENT;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
