package io.protoguard.model;

/**
 * A fault in the uploaded data. {@code row} is numbered as Excel and a text editor number it (header =
 * row 1); {@code cell} is the spreadsheet reference ("D14") when one column is at fault; either may be
 * null for a fault of a whole file or sheet.
 */
public record InputError(String file, String sheet, Integer row, String column, String cell, String message) {

    /** e.g. {@code data.xlsx: Assessments!D14 PerformedAt: "2026-13-01" is not a date-time}. */
    public String describe() {
        StringBuilder s = new StringBuilder(file == null ? "" : file);
        if (sheet != null) {
            s.append(s.length() > 0 ? ": " : "").append(sheet);
            if (cell != null) s.append('!').append(cell);
            else if (row != null) s.append(" row ").append(row);
        }
        if (column != null) s.append(' ').append(column);
        return s.append(": ").append(message).toString();
    }
}
