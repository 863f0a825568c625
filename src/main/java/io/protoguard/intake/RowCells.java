package io.protoguard.intake;

import io.protoguard.model.BadValue;
import io.protoguard.model.SourceRef;
import io.protoguard.model.When;
import io.protoguard.model.rules.YesNo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, validated access to the cells of one data row. Every bad cell is reported at once and read as null,
 * so a row shows all its faults, and {@link #failed()} tells the caller not to build a half-read fact;
 * {@link #requiredFailed()} and {@link #badOptionalCells()} let a Subjects row keep its subject when only an
 * optional cell is bad (SPEC section 8: one bad value, one finding).
 */
final class RowCells {

    static final String MISSING = "missing (required)";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String file;
    private final SheetKind sheet;
    private final int row;
    private final Map<String, Integer> columnIndexByName;
    private final String[] cells;
    private final WhenParser whenParser;
    private final Faults faults;
    private boolean failed;
    private boolean requiredFailed;
    private final List<BadValue> badOptional = new ArrayList<>();

    RowCells(String file, SheetKind sheet, int row, Map<String, Integer> columnIndexByName,
             String[] cells, WhenParser whenParser, Faults faults) {
        this.file = file;
        this.sheet = sheet;
        this.row = row;
        this.columnIndexByName = columnIndexByName;
        this.cells = cells;
        this.whenParser = whenParser;
        this.faults = faults;
    }

    SourceRef source() {
        return new SourceRef(file, sheet.sheetName(), row);
    }

    int row() {
        return row;
    }

    String file() {
        return file;
    }

    String sheetName() {
        return sheet.sheetName();
    }

    /** 0-based position of the column, or -1 when the sheet has no such column. */
    int columnIndex(String column) {
        return columnIndexByName.getOrDefault(column, -1);
    }

    boolean failed() {
        return failed;
    }

    /** A required cell (or the row's key) is at fault: the row cannot become a fact at all. */
    boolean requiredFailed() {
        return requiredFailed;
    }

    /** The optional cells at fault, each already reported as one input error. */
    List<BadValue> badOptionalCells() {
        return List.copyOf(badOptional);
    }

    /** "Subjects!F5", or null when the sheet has no such column. */
    String cellOf(String column) {
        Integer index = columnIndexByName.get(column);
        return index == null ? null : sheet.sheetName() + "!" + Faults.columnLetters(index) + row;
    }

    void error(String column, String message) {
        failed = true;
        if (column == null || sheet.isRequired(column)) requiredFailed = true;
        else if (badOptional.stream().noneMatch(b -> b.column().equals(column))) {
            String raw = peek(column);
            badOptional.add(new BadValue(column, raw == null ? "" : shortened(raw), cellOf(column), false));
        }
        faults.error(file, sheet.sheetName(), row, columnIndexByName.getOrDefault(column, -1), column, message);
    }

    /** The trimmed text without any check, or null when blank; for keys the caller validates itself. */
    String peek(String column) {
        Integer index = columnIndexByName.get(column);
        String value = index == null || index < 0 || index >= cells.length ? null : cells[index];
        if (value == null) return null;
        String trimmed = trim(value);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Trims every kind of Unicode white space (no-break space, zero-width space, a stray byte-order mark), not
     * only what {@link String#trim} knows: a cell copied from a web page or a PDF carries them invisibly.
     */
    static String trim(String text) {
        int start = 0, end = text.length();
        while (start < end && invisible(text.charAt(start))) start++;
        while (end > start && invisible(text.charAt(end - 1))) end--;
        return text.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || Character.isISOControl(c);
    }

    /** Trimmed text; null when blank (an error first if the column is required). */
    String text(String column) {
        String value = peek(column);
        if (value == null && sheet.isRequired(column)) error(column, MISSING);
        return value;
    }

    /** A code: trimmed and upper-cased, because codes are compared exactly downstream. */
    String code(String column) {
        String value = shortText(column);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /**
     * Text that is a code or unit: no real one is longer than {@link #QUOTE_MAX} characters, and a longer one
     * would be repeated whole in every deviation message that names it, so it is an input error instead.
     */
    String shortText(String column) {
        String value = text(column);
        if (value != null && value.length() > QUOTE_MAX) {
            error(column, quoted(value) + " is too long for a code (at most " + QUOTE_MAX + " characters)");
            return null;
        }
        return value;
    }

    Double number(String column) {
        BigDecimal value = decimal(column);
        return value == null ? null : value.doubleValue();
    }

    Integer integer(String column) {
        String raw = peek(column);
        BigDecimal value = decimal(column);
        if (value == null) return null;
        // 45.0 is a whole number as a spreadsheet stores it; 45.5 is not.
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0 || whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || whole.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            error(column, quoted(raw) + " is not a whole number");
            return null;
        }
        return whole.intValueExact();
    }

    When when(String column) {
        String raw = text(column);
        if (raw == null) return null;
        When when = whenParser.parse(raw);
        if (when == null) error(column, quoted(raw) + " is not a date-time (expected e.g. " + WhenParser.EXAMPLE + ")");
        return when;
    }

    Boolean yesNo(String column) {
        String raw = text(column);
        if (raw == null) return null;
        Boolean answer = YesNo.tryParse(raw);
        if (answer == null) error(column, notYesNo(raw));
        return answer;
    }

    static String notYesNo(String raw) {
        return quoted(raw) + " is not Y or N (Y, N, YES, NO, TRUE, FALSE, 1, 0)";
    }

    /** Null when the text is not a plain decimal number (no thousands separators, no NaN). */
    static BigDecimal parseDecimal(String text) {
        String t = trim(text);
        if (t.length() > 400 || !NUMBER.matcher(t).matches()) return null; // 400 digits is no measurement
        return new BigDecimal(t);
    }

    /** The longest value a message quotes whole; a longer one is cut, its length said. */
    static final int QUOTE_MAX = 80;

    /** A value in quotes for a message, cut at {@link #QUOTE_MAX} characters so one cell cannot flood a report. */
    static String quoted(String raw) {
        if (raw == null || raw.length() <= QUOTE_MAX) return "\"" + raw + "\"";
        return "\"" + shortened(raw) + "\" (" + raw.length() + " characters)";
    }

    /** The first {@link #QUOTE_MAX} characters and "..." when longer. */
    static String shortened(String raw) {
        if (raw == null || raw.length() <= QUOTE_MAX) return raw;
        return raw.substring(0, QUOTE_MAX) + "...";
    }

    private BigDecimal decimal(String column) {
        String raw = text(column);
        if (raw == null) return null;
        BigDecimal value = parseDecimal(raw);
        if (value == null) {
            boolean decimalComma = raw.matches("[+-]?\\d+,\\d+");
            error(column, quoted(raw) + " is not a number" + (decimalComma ? " (use a point as the decimal mark)" : ""));
        }
        return value;
    }
}
