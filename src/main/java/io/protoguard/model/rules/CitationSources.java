package io.protoguard.model.rules;

import java.util.Set;

/** SPEC section 6: a citation is PROTOCOL text, a REGULATION, or a SPONSOR choice the protocol does not state. */
public final class CitationSources {
    public static final String PROTOCOL = "PROTOCOL";
    private static final Set<String> ALL = Set.of(PROTOCOL, "REGULATION", "SPONSOR");

    private CitationSources() {}

    static String parse(String text, String ruleId) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim().toUpperCase();
        if (!ALL.contains(s)) throw new IllegalArgumentException(ruleId + ": CitationSource \"" + text + "\" is not PROTOCOL, REGULATION or SPONSOR");
        return s;
    }
}
