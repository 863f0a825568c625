package io.protoguard.model.rules;

import java.util.Locale;

/** The Y/N spellings SPEC section 3 accepts: Y, N, YES, NO, TRUE, FALSE, 1, 0. */
public final class YesNo {
    private YesNo() {}

    /** Returns null when the text is not a yes/no answer. */
    public static Boolean tryParse(String text) {
        if (text == null) return null;
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE", "1", "1.0" -> Boolean.TRUE;
            case "N", "NO", "FALSE", "0", "0.0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static boolean parse(String text, String column, String ruleId) {
        if (text == null || text.isBlank()) return false;
        Boolean b = tryParse(text);
        if (b == null) throw new IllegalArgumentException(ruleId + ": " + column + " \"" + text + "\" is not Y or N");
        return b;
    }
}
