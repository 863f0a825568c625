package io.protoguard.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records with the line each starts on, because a quoted field may span lines and the user finds a
 * row by the line number a text editor shows.
 */
final class CsvParser {

    /** unterminated: a quote opened in this record never closed, so the rest of the file fell into it. */
    record Record(int line, List<String> fields, boolean unterminated) {}

    private CsvParser() {}

    /** Exported sheets use ';' where the decimal mark is a comma; the header line tells which one this is. */
    static char detectDelimiter(String text) {
        int commas = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    static List<Record> parse(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean pending = false; // something of the current record has been seen
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) line++;
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                // Tolerates spaces before the opening quote, as some hand-made files have.
                field.setLength(0);
                quoted = true;
                pending = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                pending = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields), false));
                fields.clear();
                field.setLength(0);
                pending = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                pending = true;
            }
        }
        if (pending || field.length() > 0 || quoted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields), quoted));
        }
        return records;
    }
}
