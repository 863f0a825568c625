package io.protoguard.report;

/** Text clean-up shared by the spreadsheet-like formats (CSV, XLSX) and the terminal report. */
final class CellText {

    /** Excel's limit on the characters in one cell. */
    static final int XLSX_MAX = 32_767;

    private CellText() {}

    /**
     * Formula-injection guard (OWASP "CSV injection"): text starting with {@code = + - @}, tab or carriage
     * return gets a leading single quote so a spreadsheet shows it as text and never evaluates it.
     * Null stays null.
     */
    static String neutralise(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + s;
        return s;
    }

    /** Shortens {@code s} to at most {@code max} characters, ending with an ellipsis when cut. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "\u2026";
    }

    /**
     * One terminal line's worth of {@code s}: control characters (which could move the cursor or inject
     * escape sequences) and line breaks become spaces, runs of spaces collapse. Null becomes {@code dflt}.
     */
    static String oneLine(String s, String dflt) {
        if (s == null) return dflt;
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c);
            if (blank) {
                if (!space && b.length() > 0) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.length() == 0 ? dflt : b.toString();
    }
}
