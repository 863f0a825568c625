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
        CsvRecordReader reader = new CsvRecordReader(new java.io.StringReader(text), delimiter);
        try {
            for (Record r = reader.next(); r != null; r = reader.next()) records.add(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringReader does not fail
        }
        return records;
    }
}
