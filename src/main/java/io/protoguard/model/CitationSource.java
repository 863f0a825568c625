package io.protoguard.model;

/**
 * Where a rule's citation comes from (SPEC section 6): the protocol's own words, verbatim (PROTOCOL); a
 * regulation or guideline it implements, such as ICH E6 (REGULATION); or the sponsor's monitoring convention
 * where the protocol says nothing (SPONSOR). A citation is never a paraphrase passed off as protocol text.
 */
public enum CitationSource {
    PROTOCOL, REGULATION, SPONSOR;

    /** An empty cell means PROTOCOL: a citation claims to be protocol text unless it says otherwise. */
    public static CitationSource parse(String text, String ruleId) {
        if (text == null || text.isBlank()) return PROTOCOL;
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ruleId + ": CitationSource \"" + text + "\" is not PROTOCOL, REGULATION or SPONSOR");
        }
    }
}
